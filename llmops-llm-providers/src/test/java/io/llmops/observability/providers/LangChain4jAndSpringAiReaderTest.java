package io.llmops.observability.providers;

import static org.assertj.core.api.Assertions.assertThat;

import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.model.output.FinishReason;
import dev.langchain4j.model.output.TokenUsage;
import io.llmops.observability.LlmResponse;
import io.llmops.observability.providers.internal.SdkResponseReader;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.ai.chat.messages.AssistantMessage;
import org.springframework.ai.chat.metadata.ChatGenerationMetadata;
import org.springframework.ai.chat.metadata.ChatResponseMetadata;
import org.springframework.ai.chat.metadata.DefaultUsage;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.model.Generation;

class LangChain4jAndSpringAiReaderTest {

  @Test
  void everySdkOnTheTestClassPathHasAnActiveReader() {
    assertThat(new SdkResponseReader().activeReaders())
        .containsExactly("BedrockSdkReader", "LangChain4jReader", "SpringAiReader", "OpenAiSdkReader",
            "AnthropicSdkReader", "GoogleGenAiReader");
  }

  @Test
  void aLangChain4jChatResponse() {
    dev.langchain4j.model.chat.response.ChatResponse chat =
        dev.langchain4j.model.chat.response.ChatResponse.builder()
            .aiMessage(AiMessage.from("Let me look.", List.of(ToolExecutionRequest.builder()
                .id("call_1").name("search").arguments("{\"q\":\"java\"}").build())))
            .modelName("gpt-4o-mini").tokenUsage(new TokenUsage(40, 12))
            .finishReason(FinishReason.TOOL_EXECUTION).build();
    LlmResponse r = LlmResponse.read(chat);
    assertThat(r.format()).isEqualTo("langchain4j.chat");
    assertThat(r.modelId()).isEqualTo("gpt-4o-mini");
    assertThat(r.text()).isEqualTo("Let me look.");
    assertThat(r.toolCalls()).containsExactly(new LlmResponse.ToolCall("call_1", "search", "{\"q\":\"java\"}"));
    assertThat(List.of(r.inputTokens(), r.outputTokens(), r.totalTokens())).containsExactly(40L, 12L, 52L);
    assertThat(r.stopReason()).isEqualTo("TOOL_EXECUTION");
  }

  @Test
  void aLangChain4jResponseWithoutUsageHasNone() {
    LlmResponse r = LlmResponse.read(dev.langchain4j.model.chat.response.ChatResponse.builder()
        .aiMessage(AiMessage.from("hi")).build());
    assertThat(r.text()).isEqualTo("hi");
    assertThat(r.hasUsage()).isFalse();
  }

  @Test
  void aSpringAiChatResponse() {
    AssistantMessage message = AssistantMessage.builder().content("Sunny in Paris.")
        .toolCalls(List.of(new AssistantMessage.ToolCall("call_9", "function", "weather", "{\"city\":\"Paris\"}")))
        .build();
    ChatResponse chat = new ChatResponse(
        List.of(new Generation(message, ChatGenerationMetadata.builder().finishReason("STOP").build())),
        ChatResponseMetadata.builder().model("anthropic.claude-3-haiku-20240307-v1:0")
            .usage(new DefaultUsage(30, 7)).build());
    LlmResponse r = LlmResponse.read(chat);
    assertThat(r.format()).isEqualTo("spring-ai.chat");
    assertThat(r.modelId()).isEqualTo("anthropic.claude-3-haiku-20240307-v1:0");
    assertThat(r.text()).isEqualTo("Sunny in Paris.");
    assertThat(r.toolCalls()).extracting(LlmResponse.ToolCall::name).containsExactly("weather");
    assertThat(r.stopReason()).isEqualTo("STOP");
    assertThat(List.of(r.inputTokens(), r.outputTokens(), r.totalTokens())).containsExactly(30L, 7L, 37L);
  }

  @Test
  void otherTypesAreLeftToTheCore() {
    assertThat(new SdkResponseReader().read("plain")).isNull();
    assertThat(new SdkResponseReader().read(List.of("a"))).isNull();
    assertThat(new SdkResponseReader().read(List.of())).isNull();
  }
}
