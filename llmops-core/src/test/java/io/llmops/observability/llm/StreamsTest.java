package io.llmops.observability.llm;

import static org.assertj.core.api.Assertions.assertThat;

import io.llmops.observability.LlmResponse;
import io.llmops.observability.LlmResponse.ToolCall;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Streamed responses: whole streams, streams cut short, streams without usage. */
class StreamsTest {

  @Test
  void converseStreamGathersTextToolInputAndTheMetadataEventsUsage() {
    LlmResponse r = LlmResponse.read(Fixtures.events("bedrock-converse-stream.jsonl"));
    assertThat(r.format()).isEqualTo("bedrock.converse_stream");
    assertThat(r.text()).isEqualTo("Hello, world");
    assertThat(r.toolCalls()).containsExactly(new ToolCall("tooluse_abc", "lookup", "{\"q\":\"java\"}"));
    assertThat(r.stopReason()).isEqualTo("tool_use");
    assertThat(List.of(r.inputTokens(), r.outputTokens(), r.totalTokens())).containsExactly(30L, 12L, 42L);
  }

  @Test
  void converseStreamAsNewlineDelimitedTextAndAsBareEventsReadsTheSame() {
    LlmResponse text = LlmResponse.read(Fixtures.text("bedrock-converse-stream.jsonl"));
    assertThat(text.text()).isEqualTo("Hello, world");
    assertThat(text.totalTokens()).isEqualTo(42);

    // the event-stream payloads without their event-type wrapper, as the wire carries them
    List<Object> bare = List.of(
        Map.of("role", "assistant"),
        Map.of("contentBlockIndex", 0, "delta", Map.of("text", "Hi")),
        Map.of("contentBlockIndex", 0),
        Map.of("stopReason", "end_turn"),
        Map.of("usage", Map.of("inputTokens", 5, "outputTokens", 1, "totalTokens", 6),
            "metrics", Map.of("latencyMs", 100)));
    LlmResponse r = LlmResponse.read(bare);
    assertThat(r.text()).isEqualTo("Hi");
    assertThat(r.stopReason()).isEqualTo("end_turn");
    assertThat(r.totalTokens()).isEqualTo(6);
  }

  @Test
  void aConverseStreamThatEndsBeforeItsMetadataEventHasTextButNoUsage() {
    List<Object> events = Fixtures.events("bedrock-converse-stream.jsonl");
    LlmResponse r = LlmResponse.read(events.subList(0, 3));
    assertThat(r.text()).isEqualTo("Hello, world");
    assertThat(r.hasUsage()).isFalse();
    assertThat(r.totalTokens()).isNull();
  }

  @Test
  void anthropicServerSentEventsGiveModelTextToolInputCacheReadsAndFinalOutputCount() {
    LlmResponse r = LlmResponse.read(Fixtures.text("anthropic-stream.sse"));
    assertThat(r.format()).isEqualTo("anthropic.messages_stream");
    assertThat(r.modelId()).isEqualTo("claude-sonnet-4-5-20250929");
    assertThat(r.text()).isEqualTo("Hello!");
    assertThat(r.toolCalls()).containsExactly(new ToolCall("toolu_01T1x1fJ34qAmk2tNTrN7Up6",
        "get_weather", "{\"location\": \"San Francisco, CA\"}"));
    assertThat(r.inputTokens()).isEqualTo(25 + 1800);
    assertThat(r.cacheReadTokens()).isEqualTo(1800);
    assertThat(r.outputTokens()).isEqualTo(15);
    assertThat(r.stopReason()).isEqualTo("tool_use");
  }

  @Test
  void anAnthropicStreamCutAfterMessageStartKeepsTheInputCount() {
    List<Object> events = Fixtures.events("anthropic-stream.sse");
    LlmResponse r = LlmResponse.read(events.subList(0, 4));
    assertThat(r.text()).isEqualTo("Hello");
    assertThat(r.inputTokens()).isEqualTo(1825);
    assertThat(r.outputTokens()).isEqualTo(1);
    assertThat(r.stopReason()).isNull();
  }

  @Test
  void invokeModelWithResponseStreamChunksAreDecodedAndInvocationMetricsRead() {
    List<Object> chunks = new ArrayList<>();
    for (Object event : Fixtures.events("anthropic-stream.sse")) {
      chunks.add(Map.of("chunk", Map.of("bytes", base64(event))));
    }
    LlmResponse claude = LlmResponse.read(chunks);
    assertThat(claude.text()).isEqualTo("Hello!");
    assertThat(claude.outputTokens()).isEqualTo(15);

    List<Object> llama = List.of(
        Map.of("chunk", Map.of("bytes", base64(Map.of("generation", "Hello", "prompt_token_count", 7,
            "generation_token_count", 1)))),
        Map.of("chunk", Map.of("bytes", base64(Map.of("generation", " world",
            "generation_token_count", 2, "stop_reason", "stop",
            "amazon-bedrock-invocationMetrics", Map.of("inputTokenCount", 7, "outputTokenCount", 2,
                "invocationLatency", 300, "firstByteLatency", 120))))));
    LlmResponse r = LlmResponse.read(llama);
    assertThat(r.format()).isEqualTo("bedrock.llama_stream");
    assertThat(r.text()).isEqualTo("Hello world");
    assertThat(List.of(r.inputTokens(), r.outputTokens())).containsExactly(7L, 2L);
    assertThat(r.stopReason()).isEqualTo("stop");

    List<Object> titan = List.of(
        Map.of("outputText", "Hi", "index", 0, "inputTextTokenCount", 4, "totalOutputTextTokenCount", 1),
        Map.of("outputText", " you", "index", 0, "totalOutputTextTokenCount", 2, "completionReason", "FINISH"));
    LlmResponse t = LlmResponse.read(titan);
    assertThat(t.text()).isEqualTo("Hi you");
    assertThat(List.of(t.inputTokens(), t.outputTokens())).containsExactly(4L, 2L);
    assertThat(t.stopReason()).isEqualTo("FINISH");
  }

  @Test
  void cohereGenerationPiecesGiveTheirTextWithoutTheEndMarkerThenTheFinishReason() {
    List<Object> pieces = List.of(
        Map.of("text", " Hello", "is_finished", false),
        Map.of("text", "<EOS_TOKEN>", "is_finished", false),
        Map.of("is_finished", true, "finish_reason", "MAX_TOKENS", "response", Map.of("generations",
            List.of(Map.of("text", " Hello", "finish_reason", "MAX_TOKENS")))));
    LlmResponse r = LlmResponse.read(pieces);
    assertThat(r.format()).isEqualTo("cohere.command_stream");
    assertThat(r.text()).isEqualTo(" Hello");
    assertThat(r.stopReason()).isEqualTo("MAX_TOKENS");
    assertThat(LlmResponse.read(pieces.subList(0, 2)).stopReason()).isNull();
  }

  @Test
  void openAiChatChunksWithAFinalUsageChunk() {
    LlmResponse r = LlmResponse.read(Fixtures.text("openai-chat-stream.sse"));
    assertThat(r.format()).isEqualTo("openai.chat_stream");
    assertThat(r.modelId()).isEqualTo("gpt-4o-mini-2024-07-18");
    assertThat(r.text()).isEqualTo("Hello there");
    assertThat(r.stopReason()).isEqualTo("stop");
    assertThat(List.of(r.inputTokens(), r.outputTokens(), r.totalTokens())).containsExactly(9L, 2L, 11L);
  }

  @Test
  void openAiChatChunksWithoutUsageAssembleToolCallsAndReportNoUsage() {
    LlmResponse r = LlmResponse.read(Fixtures.events("openai-chat-stream-tools.jsonl"));
    assertThat(r.toolCalls()).containsExactly(new ToolCall("call_abc", "get_weather", "{\"city\":\"Oslo\"}"));
    assertThat(r.stopReason()).isEqualTo("tool_calls");
    assertThat(r.hasUsage()).isFalse();
  }

  @Test
  void openAiResponsesEventsUseTheCompletedResponse() {
    LlmResponse r = LlmResponse.read(Fixtures.text("openai-responses-stream.jsonl"));
    assertThat(r.text()).isEqualTo("Hi there!");
    assertThat(r.modelId()).isEqualTo("gpt-4.1-2025-04-14");
    assertThat(List.of(r.inputTokens(), r.outputTokens(), r.totalTokens())).containsExactly(37L, 11L, 48L);

    List<Object> cut = Fixtures.events("openai-responses-stream.jsonl").subList(0, 4);
    LlmResponse partial = LlmResponse.read(cut);
    assertThat(partial.text()).isEqualTo("Hi there!");
    assertThat(partial.hasUsage()).isFalse();
  }

  @Test
  void geminiAndOllamaStreamsMergeChunksAndKeepTheLastUsage() {
    LlmResponse gemini = LlmResponse.read(Fixtures.tree("gemini-stream.json"));
    assertThat(gemini.text()).isEqualTo("The sky is blue.");
    assertThat(gemini.toolCalls()).containsExactly(new ToolCall(null, "set_light", "{\"brightness\":50}"));
    assertThat(List.of(gemini.inputTokens(), gemini.outputTokens(), gemini.totalTokens()))
        .containsExactly(6L, 9L, 15L);
    assertThat(gemini.stopReason()).isEqualTo("STOP");

    LlmResponse ollama = LlmResponse.read(Fixtures.text("ollama-chat-stream.jsonl"));
    assertThat(ollama.text()).isEqualTo("The sky");
    assertThat(List.of(ollama.inputTokens(), ollama.outputTokens())).containsExactly(26L, 282L);
    assertThat(ollama.stopReason()).isEqualTo("stop");

    List<Object> early = Fixtures.events("ollama-chat-stream.jsonl").subList(0, 2);
    assertThat(LlmResponse.read(early).hasUsage()).isFalse();
  }

  private static String base64(Object event) {
    try {
      return Base64.getEncoder().encodeToString(
          Fixtures.JSON.writeValueAsString(event).getBytes(StandardCharsets.UTF_8));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
