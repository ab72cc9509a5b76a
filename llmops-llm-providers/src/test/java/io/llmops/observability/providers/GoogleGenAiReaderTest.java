package io.llmops.observability.providers;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.genai.types.GenerateContentResponse;
import io.llmops.observability.LlmResponse;
import io.llmops.observability.Llmops;
import io.llmops.observability.Span;
import io.llmops.observability.TraceManager;
import io.llmops.observability.testing.Exported;
import io.llmops.observability.testing.TracingHarness;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Google GenAI Java SDK objects, made the way the SDK makes them: deserialized from the API's JSON. */
class GoogleGenAiReaderTest {

  @RegisterExtension final TracingHarness tracing = new TracingHarness();

  static final String RESPONSE = """
      {"candidates":[{"content":{"role":"model","parts":[
          {"text":"The user wants the forecast.","thought":true},
          {"text":"Let me check the weather."},
          {"functionCall":{"name":"get_weather","args":{"city":"Paris","days":3}}}]},
        "finishReason":"STOP","index":0}],
       "usageMetadata":{"promptTokenCount":1200,"candidatesTokenCount":40,"totalTokenCount":1340,
         "cachedContentTokenCount":1024,"thoughtsTokenCount":100,
         "promptTokensDetails":[{"modality":"TEXT","tokenCount":1200}],
         "cacheTokensDetails":[{"modality":"TEXT","tokenCount":1024}]},
       "modelVersion":"gemini-2.5-flash","responseId":"Xx1aaP2mIYqUz7IP6K_a8QQ"}""";

  @Test
  void aResponseGivesModelTextFunctionCallsFinishReasonAndUsageWithCacheAndThoughts() {
    LlmResponse r = LlmResponse.read(GenerateContentResponse.fromJson(RESPONSE));
    assertThat(r.format()).isEqualTo("google.gemini");
    assertThat(r.modelId()).isEqualTo("gemini-2.5-flash");
    assertThat(r.text()).isEqualTo("Let me check the weather."); // the thought part left out
    assertThat(r.toolCalls()).containsExactly(
        new LlmResponse.ToolCall(null, "get_weather", "{\"city\":\"Paris\",\"days\":3}"));
    assertThat(r.stopReason()).isEqualTo("STOP");
    // output counts the thoughts that Gemini reports apart
    assertThat(List.of(r.inputTokens(), r.outputTokens(), r.totalTokens()))
        .containsExactly(1200L, 140L, 1340L);
    assertThat(r.cacheReadTokens()).isEqualTo(1024);
    assertThat(r.reasoningTokens()).isEqualTo(100);
    assertThat(r.cacheWriteTokens()).isNull();
  }

  @Test
  void aResponseWithoutUsageMetadataHasNoUsage() {
    LlmResponse r = LlmResponse.read(GenerateContentResponse.fromJson("""
        {"candidates":[{"content":{"role":"model","parts":[{"text":"Hi."}]},"finishReason":"STOP","index":0}],
         "modelVersion":"gemini-2.0-flash"}"""));
    assertThat(r.text()).isEqualTo("Hi.");
    assertThat(r.modelId()).isEqualTo("gemini-2.0-flash");
    assertThat(r.hasUsage()).isFalse();
    assertThat(Arrays.asList(r.inputTokens(), r.outputTokens(), r.totalTokens(), r.cacheReadTokens(),
        r.cacheWriteTokens(), r.reasoningTokens())).containsOnlyNulls();
  }

  @Test
  void gatheredStreamChunks() {
    List<GenerateContentResponse> chunks = List.of(
        GenerateContentResponse.fromJson("{\"candidates\":[{\"content\":{\"role\":\"model\",\"parts\":[{\"text\":\"Hel\"}]},\"index\":0}],\"usageMetadata\":{\"promptTokenCount\":8,\"totalTokenCount\":8},\"modelVersion\":\"gemini-2.5-flash\"}"),
        GenerateContentResponse.fromJson("{\"candidates\":[{\"content\":{\"role\":\"model\",\"parts\":[{\"text\":\"lo\"}]},\"finishReason\":\"STOP\",\"index\":0}],\"usageMetadata\":{\"promptTokenCount\":8,\"candidatesTokenCount\":2,\"thoughtsTokenCount\":5,\"totalTokenCount\":15},\"modelVersion\":\"gemini-2.5-flash\"}"));
    LlmResponse r = LlmResponse.read(chunks);
    assertThat(r.format()).isEqualTo("google.gemini_stream");
    assertThat(r.modelId()).isEqualTo("gemini-2.5-flash");
    assertThat(r.text()).isEqualTo("Hello");
    assertThat(r.stopReason()).isEqualTo("STOP");
    assertThat(List.of(r.inputTokens(), r.outputTokens(), r.totalTokens(), r.reasoningTokens()))
        .containsExactly(8L, 7L, 15L, 5L);
  }

  @Test
  void aRecordedResponseCarriesItsUsageOnTheExportedSpan() {
    TraceManager.startTrace("gemini");
    try (Span span = Llmops.generation("generate").start()) {
      span.recordLlmResponse(GenerateContentResponse.fromJson(RESPONSE));
    }
    TraceManager.endTrace();

    JsonNode span = Exported.onlyTrace(tracing.sink()).get("spans").get(0);
    assertThat(span.get("model_id").asText()).isEqualTo("gemini-2.5-flash");
    assertThat(span.at("/usage/input_tokens").asLong()).isEqualTo(1200);
    assertThat(span.at("/usage/output_tokens").asLong()).isEqualTo(140);
    assertThat(span.at("/usage/total_tokens").asLong()).isEqualTo(1340);
    assertThat(span.at("/usage/cache_read_input_tokens").asLong()).isEqualTo(1024);
    assertThat(span.at("/usage/reasoning_tokens").asLong()).isEqualTo(100);
    assertThat(span.get("cost").isNull()).as("no built-in price for Gemini").isTrue();
    assertThat(span.get("response").asText()).isEqualTo("Let me check the weather.");
    assertThat(span.at("/metadata/llm.stop_reason").asText()).isEqualTo("STOP");
    assertThat(span.at("/metadata/llm.tool_calls/0/name").asText()).isEqualTo("get_weather");
    assertThat(span.at("/metadata/llm.tool_calls/0/arguments").asText())
        .isEqualTo("{\"city\":\"Paris\",\"days\":3}");
  }
}
