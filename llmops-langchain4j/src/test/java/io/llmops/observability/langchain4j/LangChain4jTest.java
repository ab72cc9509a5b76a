package io.llmops.observability.langchain4j;

import static io.llmops.observability.testing.OpenAiCompatibleServer.AFTER_TOOL;
import static io.llmops.observability.testing.OpenAiCompatibleServer.ANSWER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.offset;

import com.fasterxml.jackson.databind.JsonNode;
import dev.langchain4j.agent.tool.Tool;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.langchain4j.model.openai.OpenAiEmbeddingModel;
import dev.langchain4j.model.openai.OpenAiStreamingChatModel;
import dev.langchain4j.rag.content.Content;
import dev.langchain4j.rag.content.retriever.ContentRetriever;
import dev.langchain4j.service.AiServices;
import io.llmops.observability.Llmops;
import io.llmops.observability.Pricing;
import io.llmops.observability.Span;
import io.llmops.observability.testing.DecodedTraces;
import io.llmops.observability.testing.Exported;
import io.llmops.observability.testing.OpenAiCompatibleServer;
import io.llmops.observability.testing.TracingHarness;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class LangChain4jTest {

  /** A model the SDK has a price for, served by an OpenAI-compatible gateway. */
  private static final String MODEL = "claude-3-5-sonnet-20241022";

  @RegisterExtension final TracingHarness tracing = new TracingHarness();

  private OpenAiCompatibleServer server;

  @BeforeEach
  void startServer() throws Exception {
    server = new OpenAiCompatibleServer();
  }

  @AfterEach
  void stopServer() {
    server.close();
  }

  private OpenAiChatModel chatModel(String model) {
    return OpenAiChatModel.builder().baseUrl(server.baseUrl() + "/v1").apiKey("test-key")
        .modelName(model).listeners(List.of(new LlmopsChatModelListener())).build();
  }

  @Test
  void aChatCallIsOneGenerationWithPromptParametersResponseUsageAndCost() {
    ChatRequest request = ChatRequest.builder()
        .messages(SystemMessage.from("Answer briefly."), UserMessage.from("Capital of France?"))
        .temperature(0.2).topP(0.9).maxOutputTokens(64).stopSequences(List.of("END")).build();
    try (Span root = Llmops.span("request").start()) {
      chatModel(MODEL).chat(request);
    }

    JsonNode trace = Exported.onlyTrace(tracing.sink());
    List<JsonNode> generations = DecodedTraces.spansOfType(trace, "generation");
    assertThat(generations).hasSize(1);
    JsonNode generation = generations.get(0);
    assertThat(generation.get("model_id").asText()).isEqualTo(MODEL);
    assertThat(generation.get("prompt").asText())
        .isEqualTo("system: Answer briefly.\nuser: Capital of France?");
    assertThat(generation.get("response").asText()).isEqualTo(ANSWER);
    assertThat(generation.at("/metadata/llm.temperature").asDouble()).isEqualTo(0.2);
    assertThat(generation.at("/metadata/llm.top_p").asDouble()).isEqualTo(0.9);
    assertThat(generation.at("/metadata/llm.max_tokens").asInt()).isEqualTo(64);
    assertThat(generation.at("/metadata/llm.stop_sequences/0").asText()).isEqualTo("END");
    assertThat(generation.at("/metadata/llm.stop_reason").asText()).isEqualTo("STOP");
    assertThat(generation.at("/usage/input_tokens").asLong()).isEqualTo(12);
    assertThat(generation.at("/usage/output_tokens").asLong()).isEqualTo(7);
    assertThat(generation.at("/usage/cache_read_input_tokens").asLong()).isEqualTo(4);
    assertThat(generation.at("/usage/reasoning_tokens").asLong()).isEqualTo(2);
    assertThat(generation.at("/cost/total_cost").asDouble())
        .isCloseTo(Pricing.calculateCost(MODEL, 12, 7, 4, 0).totalCost(), offset(1e-12));
    assertThat(DecodedTraces.parentOf(generation))
        .isEqualTo(DecodedTraces.spansByName(trace).get("request").get("span_id").asText());
  }

  @Test
  void aStreamedCallIsOneGenerationWithTheWholeTextUsageAndTimeToFirstToken() throws Exception {
    OpenAiStreamingChatModel model = OpenAiStreamingChatModel.builder()
        .baseUrl(server.baseUrl() + "/v1").apiKey("test-key").modelName(MODEL)
        .listeners(List.of(new LlmopsChatModelListener())).build();
    CompletableFuture<ChatResponse> done = new CompletableFuture<>();
    try (Span root = Llmops.span("request").start()) {
      model.chat(ChatRequest.builder().messages(UserMessage.from("Capital of France?")).build(),
          LlmopsStreamingHandlers.timeToFirstToken(new StreamingChatResponseHandler() {
        @Override
        public void onCompleteResponse(ChatResponse response) {
          done.complete(response);
        }

        @Override
        public void onError(Throwable error) {
          done.completeExceptionally(error);
        }
      }));
      assertThat(done.get(10, TimeUnit.SECONDS).aiMessage().text()).isEqualTo(ANSWER);
    }

    JsonNode generation = onlyGeneration();
    assertThat(generation.get("response").asText()).isEqualTo(ANSWER);
    assertThat(generation.at("/usage/input_tokens").asLong()).isEqualTo(12);
    assertThat(generation.at("/usage/output_tokens").asLong()).isEqualTo(7);
    assertThat(generation.at("/metadata/llm.time_to_first_token_ms").isIntegralNumber()).isTrue();
    assertThat(server.requests().get(0).path("stream").asBoolean()).isTrue();
  }

  @Test
  void aFailedCallRecordsTheProvidersMessageAndReachesTheCallerUnchanged() {
    OpenAiChatModel model = chatModel(OpenAiCompatibleServer.FAILING_MODEL);
    try (Span root = Llmops.span("request").start()) {
      assertThatThrownBy(() -> model.chat("Capital of France?"))
          .hasMessageContaining(OpenAiCompatibleServer.ERROR_MESSAGE);
    }

    JsonNode generation = onlyGeneration();
    assertThat(generation.get("status").asText()).isEqualTo("error");
    assertThat(generation.toString()).contains(OpenAiCompatibleServer.ERROR_MESSAGE);
  }

  interface Assistant {
    String chat(String question);
  }

  static final class WeatherTools {
    @Tool("The weather in a city")
    String weather(String city) {
      return "sunny in " + city;
    }
  }

  @Test
  void anAiServicesToolCallIsAToolSpanLinkedToTheGenerationThatAskedForIt() {
    Assistant assistant = LlmopsToolExecutions.traceTools(AiServices.builder(Assistant.class))
        .chatModel(chatModel(MODEL)).tools(new WeatherTools()).build();
    try (Span root = Llmops.agent("assistant").start()) {
      assertThat(assistant.chat("Weather in Paris?")).isEqualTo(AFTER_TOOL);
    }

    JsonNode trace = Exported.onlyTrace(tracing.sink());
    List<JsonNode> generations = DecodedTraces.spansOfType(trace, "generation");
    List<JsonNode> tools = DecodedTraces.spansOfType(trace, "tool");
    assertThat(generations).hasSize(2);
    assertThat(tools).hasSize(1);
    JsonNode tool = tools.get(0);
    assertThat(tool.get("span_name").asText()).isEqualTo("weather");
    assertThat(tool.toString()).contains("sunny in Paris");
    assertThat(tool.at("/metadata/llm.tool_call_id").asText())
        .isEqualTo(OpenAiCompatibleServer.TOOL_CALL_ID);
    assertThat(tool.at("/metadata/llm.requested_by_span_id").asText())
        .isEqualTo(generations.get(0).get("span_id").asText());
    assertThat(generations.get(0).at("/metadata/llm.tool_calls/0/name").asText())
        .isEqualTo("weather");
    assertThat(generations.get(1).get("response").asText()).isEqualTo(AFTER_TOOL);
    assertThat(trace.at("/token_usage/total_input_tokens").asLong()).isEqualTo(24);
  }

  static final class BrokenTools {
    @Tool("The weather in a city")
    String weather(String city) {
      throw new IllegalStateException("weather service down");
    }
  }

  @Test
  void aToolThatFailsIsAnErrorToolSpanAndTheTraceStillEnds() {
    Assistant assistant = LlmopsToolExecutions.traceTools(AiServices.builder(Assistant.class))
        .chatModel(chatModel(MODEL)).tools(new BrokenTools()).build();
    try (Span root = Llmops.agent("assistant").start()) {
      assistant.chat("Weather in Paris?");
    }

    JsonNode trace = Exported.onlyTrace(tracing.sink());
    JsonNode tool = DecodedTraces.spansOfType(trace, "tool").get(0);
    assertThat(tool.get("level").asText()).isEqualTo("ERROR");
    assertThat(tool.toString()).contains("weather service down");
    assertThat(DecodedTraces.parentOf(tool))
        .isEqualTo(DecodedTraces.spansOfType(trace, "agent").get(0).get("span_id").asText());
  }

  @Test
  void aRetrievalIsARetrievalSpanWithTheQueryAndTheDocuments() {
    ContentRetriever retriever = query -> List.of(Content.from("Paris is in France."),
        Content.from("France is in Europe."));
    retriever = retriever.addListener(new LlmopsContentRetrieverListener());
    Assistant assistant = AiServices.builder(Assistant.class).chatModel(chatModel(MODEL))
        .contentRetriever(retriever).build();
    try (Span root = Llmops.agent("assistant").start()) {
      assistant.chat("Capital of France?");
    }

    JsonNode trace = Exported.onlyTrace(tracing.sink());
    JsonNode retrieval = DecodedTraces.spansByName(trace).get("retrieval");
    assertThat(retrieval.at("/metadata/span.kind").asText()).isEqualTo("retrieval");
    assertThat(retrieval.at("/metadata/retrieval.documents").asInt()).isEqualTo(2);
    assertThat(retrieval.toString()).contains("Capital of France?", "Paris is in France.");
    assertThat(DecodedTraces.spansOfType(trace, "generation")).hasSize(1);
  }

  @Test
  void anEmbeddingCallIsAGenerationWithItsInputTokens() {
    EmbeddingModel model = OpenAiEmbeddingModel.builder().baseUrl(server.baseUrl() + "/v1")
        .apiKey("test-key").modelName("text-embedding-3-small").build()
        .addListener(new LlmopsEmbeddingModelListener());
    try (Span root = Llmops.span("index").start()) {
      assertThat(model.embed("Paris is in France.").content().dimension()).isEqualTo(3);
    }

    JsonNode embedding = onlyGeneration();
    assertThat(embedding.get("span_name").asText()).isEqualTo("embedding");
    assertThat(embedding.get("model_id").asText()).isEqualTo("text-embedding-3-small");
    assertThat(embedding.at("/metadata/embedding.count").asInt()).isEqualTo(1);
    assertThat(embedding.at("/metadata/embedding.dimensions").asInt()).isEqualTo(3);
    assertThat(embedding.at("/usage/input_tokens").asLong())
        .isEqualTo(OpenAiCompatibleServer.EMBEDDING_TOKENS);
    assertThat(embedding.toString()).contains("Paris is in France.");
  }

  private JsonNode onlyGeneration() {
    List<JsonNode> generations =
        DecodedTraces.spansOfType(Exported.onlyTrace(tracing.sink()), "generation");
    assertThat(generations).hasSize(1);
    return generations.get(0);
  }
}
