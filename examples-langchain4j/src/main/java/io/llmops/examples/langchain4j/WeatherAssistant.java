package io.llmops.examples.langchain4j;

import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.langchain4j.service.AiServices;
import io.llmops.observability.Llmops;
import io.llmops.observability.TraceManager;
import io.llmops.observability.langchain4j.LlmopsChatModelListener;
import io.llmops.observability.langchain4j.LlmopsToolExecutions;
import java.time.Duration;
import java.util.List;

/**
 * A LangChain4j AI service that answers weather questions with a tool, traced with no Spring and
 * no agent: the chat model carries the SDK's listener (a generation per model call, with usage
 * and cost), the AI service's tool executions are tool spans, and the tool's HTTP call is a
 * client span under its tool (docs/FRAMEWORKS.md). Each question is one trace.
 *
 * <pre>
 * MODEL_BASE_URL=https://api.openai.com/v1 OPENAI_API_KEY=... WEATHER_URL=http://... \
 *   java io.llmops.examples.langchain4j.WeatherAssistant "Weather in Paris?"
 * </pre>
 */
public final class WeatherAssistant {

  /** The AI service LangChain4j implements. */
  public interface Assistant {
    String chat(String question);
  }

  private final Assistant assistant;

  /** An assistant on {@code model} at {@code modelBaseUrl} (an OpenAI-compatible endpoint). */
  public WeatherAssistant(String modelBaseUrl, String apiKey, String model, String weatherUrl) {
    OpenAiChatModel chatModel = OpenAiChatModel.builder().baseUrl(modelBaseUrl).apiKey(apiKey)
        .modelName(model).listeners(List.of(new LlmopsChatModelListener())).build();
    this.assistant = LlmopsToolExecutions.traceTools(AiServices.builder(Assistant.class))
        .chatModel(chatModel).tools(new WeatherTools(weatherUrl)).build();
  }

  /** Answers {@code question} in a trace of its own, sent when the answer is there. */
  public String ask(String question) {
    TraceManager.startTrace("weather_question");
    String answer = null;
    try {
      answer = assistant.chat(question);
      return answer;
    } finally {
      TraceManager.finalizeAndSend(question, answer);
    }
  }

  public static void main(String[] args) {
    WeatherAssistant assistant = new WeatherAssistant(
        System.getenv().getOrDefault("MODEL_BASE_URL", "https://api.openai.com/v1"),
        System.getenv().getOrDefault("OPENAI_API_KEY", "none"),
        System.getenv().getOrDefault("MODEL_NAME", "gpt-4o-mini"),
        System.getenv().getOrDefault("WEATHER_URL", "http://127.0.0.1:8081/weather"));
    System.out.println(assistant.ask(args.length > 0 ? args[0] : "What is the weather in Paris?"));
    Llmops.flush(Duration.ofSeconds(10));
  }
}
