package io.llmops.observability.providers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.anthropic.core.ObjectMappers;
import com.anthropic.helpers.MessageAccumulator;
import com.anthropic.models.beta.messages.BetaMessage;
import com.anthropic.models.messages.Message;
import com.anthropic.models.messages.RawMessageStreamEvent;
import com.fasterxml.jackson.databind.JsonNode;
import io.llmops.observability.LlmResponse;
import io.llmops.observability.Llmops;
import io.llmops.observability.Span;
import io.llmops.observability.TraceManager;
import io.llmops.observability.testing.Exported;
import io.llmops.observability.testing.TracingHarness;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Anthropic Java SDK objects, made the way the SDK makes them: deserialized from the API's JSON. */
class AnthropicSdkReaderTest {

  @RegisterExtension final TracingHarness tracing = new TracingHarness();

  static final String MESSAGE = """
      {"id":"msg_01XFDUDYJgAACzvnptvVoYEL","type":"message","role":"assistant","model":"claude-sonnet-4-5-20250929",
       "content":[
         {"type":"thinking","thinking":"The user wants the weather.","signature":"EqQBCgIYAhIM1gbcDa9GJwZA2b3h"},
         {"type":"text","text":"I'll check the weather in Paris."},
         {"type":"tool_use","id":"toolu_01A09q90qw90lq917835lq9","name":"get_weather","input":{"city":"Paris","unit":"celsius"}}],
       "stop_reason":"tool_use","stop_sequence":null,
       "usage":{"input_tokens":120,"output_tokens":45,"cache_read_input_tokens":2000,
         "cache_creation_input_tokens":300,"service_tier":"standard"}}""";

  /** A streamed answer with a text block and a tool_use block, one server-sent event's data a line. */
  static final List<String> STREAM = List.of(
      "{\"type\":\"message_start\",\"message\":{\"id\":\"msg_1\",\"type\":\"message\",\"role\":\"assistant\",\"content\":[],\"model\":\"claude-sonnet-4-5-20250929\",\"stop_reason\":null,\"stop_sequence\":null,\"usage\":{\"input_tokens\":25,\"output_tokens\":1,\"cache_read_input_tokens\":100,\"cache_creation_input_tokens\":0}}}",
      "{\"type\":\"content_block_start\",\"index\":0,\"content_block\":{\"type\":\"text\",\"text\":\"\"}}",
      "{\"type\":\"content_block_delta\",\"index\":0,\"delta\":{\"type\":\"text_delta\",\"text\":\"Hello\"}}",
      "{\"type\":\"content_block_delta\",\"index\":0,\"delta\":{\"type\":\"text_delta\",\"text\":\"!\"}}",
      "{\"type\":\"content_block_stop\",\"index\":0}",
      "{\"type\":\"content_block_start\",\"index\":1,\"content_block\":{\"type\":\"tool_use\",\"id\":\"toolu_1\",\"name\":\"get_weather\",\"input\":{}}}",
      "{\"type\":\"content_block_delta\",\"index\":1,\"delta\":{\"type\":\"input_json_delta\",\"partial_json\":\"{\\\"city\\\": \\\"Pa\"}}",
      "{\"type\":\"content_block_delta\",\"index\":1,\"delta\":{\"type\":\"input_json_delta\",\"partial_json\":\"ris\\\"}\"}}",
      "{\"type\":\"content_block_stop\",\"index\":1}",
      "{\"type\":\"message_delta\",\"delta\":{\"stop_reason\":\"tool_use\",\"stop_sequence\":null},\"usage\":{\"output_tokens\":15}}",
      "{\"type\":\"message_stop\"}");

  static Message message(String json) throws Exception {
    return ObjectMappers.jsonMapper().readValue(json, Message.class);
  }

  static List<RawMessageStreamEvent> events() throws Exception {
    List<RawMessageStreamEvent> events = new ArrayList<>();
    for (String json : STREAM) {
      events.add(ObjectMappers.jsonMapper().readValue(json, RawMessageStreamEvent.class));
    }
    return events;
  }

  @Test
  void aMessageGivesModelTextToolCallsStopReasonAndUsageWithCache() throws Exception {
    LlmResponse r = LlmResponse.read(message(MESSAGE));
    assertThat(r.format()).isEqualTo("anthropic.messages");
    assertThat(r.modelId()).isEqualTo("claude-sonnet-4-5-20250929");
    assertThat(r.text()).isEqualTo("I'll check the weather in Paris.");
    assertThat(r.toolCalls()).containsExactly(new LlmResponse.ToolCall("toolu_01A09q90qw90lq917835lq9",
        "get_weather", "{\"city\":\"Paris\",\"unit\":\"celsius\"}"));
    assertThat(r.stopReason()).isEqualTo("tool_use");
    // input counts the cache reads and writes that Anthropic reports apart
    assertThat(List.of(r.inputTokens(), r.outputTokens(), r.totalTokens()))
        .containsExactly(2420L, 45L, 2465L);
    assertThat(r.cacheReadTokens()).isEqualTo(2000);
    assertThat(r.cacheWriteTokens()).isEqualTo(300);
    assertThat(r.reasoningTokens()).isNull();
  }

  @Test
  void aBetaMessageReadsAsTheMessageOfTheSameBody() throws Exception {
    BetaMessage beta = ObjectMappers.jsonMapper().readValue(MESSAGE, BetaMessage.class);
    assertThat(LlmResponse.read(beta)).isEqualTo(LlmResponse.read(message(MESSAGE)));
  }

  @Test
  void aMessageWithoutUsageHasNoUsage() throws Exception {
    LlmResponse r = LlmResponse.read(message("""
        {"id":"msg_2","type":"message","role":"assistant","model":"claude-haiku-4-5-20251001",
         "content":[{"type":"text","text":"Hi."}],"stop_reason":"end_turn","stop_sequence":null}"""));
    assertThat(r.text()).isEqualTo("Hi.");
    assertThat(r.stopReason()).isEqualTo("end_turn");
    assertThat(r.hasUsage()).isFalse();
    assertThat(Arrays.asList(r.inputTokens(), r.outputTokens(), r.totalTokens(), r.cacheReadTokens(),
        r.cacheWriteTokens(), r.reasoningTokens())).containsOnlyNulls();
  }

  @Test
  void theMessageAMessageAccumulatorBuildsFromStreamEvents() throws Exception {
    MessageAccumulator accumulator = MessageAccumulator.create();
    events().forEach(accumulator::accumulate);
    LlmResponse r = LlmResponse.read(accumulator.message());
    assertThat(r.format()).isEqualTo("anthropic.messages");
    assertThat(r.modelId()).isEqualTo("claude-sonnet-4-5-20250929");
    assertThat(r.text()).isEqualTo("Hello!");
    assertThat(r.toolCalls()).containsExactly(
        new LlmResponse.ToolCall("toolu_1", "get_weather", "{\"city\":\"Paris\"}"));
    assertThat(r.stopReason()).isEqualTo("tool_use");
    assertThat(List.of(r.inputTokens(), r.outputTokens(), r.cacheReadTokens(), r.cacheWriteTokens()))
        .containsExactly(125L, 15L, 100L, 0L);
  }

  @Test
  void gatheredStreamEvents() throws Exception {
    LlmResponse r = LlmResponse.read(events());
    assertThat(r.format()).isEqualTo("anthropic.messages_stream");
    assertThat(r.modelId()).isEqualTo("claude-sonnet-4-5-20250929");
    assertThat(r.text()).isEqualTo("Hello!");
    assertThat(r.toolCalls()).containsExactly(
        new LlmResponse.ToolCall("toolu_1", "get_weather", "{\"city\": \"Paris\"}"));
    assertThat(r.stopReason()).isEqualTo("tool_use");
    assertThat(List.of(r.inputTokens(), r.outputTokens(), r.cacheReadTokens()))
        .containsExactly(125L, 15L, 100L);

    LlmResponse early = LlmResponse.read(events().subList(1, 4));
    assertThat(early.text()).isEqualTo("Hello!");
    assertThat(early.hasUsage()).isFalse();
  }

  @Test
  void aRecordedMessageIsPricedOnTheExportedSpan() throws Exception {
    TraceManager.startTrace("anthropic");
    try (Span span = Llmops.generation("messages").start()) {
      span.recordLlmResponse(message(MESSAGE));
    }
    TraceManager.endTrace();

    JsonNode span = Exported.onlyTrace(tracing.sink()).get("spans").get(0);
    assertThat(span.get("model_id").asText()).isEqualTo("claude-sonnet-4-5-20250929");
    assertThat(span.at("/usage/input_tokens").asLong()).isEqualTo(2420);
    assertThat(span.at("/usage/output_tokens").asLong()).isEqualTo(45);
    assertThat(span.at("/usage/cache_read_input_tokens").asLong()).isEqualTo(2000);
    assertThat(span.at("/usage/cache_creation_input_tokens").asLong()).isEqualTo(300);
    assertThat(span.at("/cost/total_cost").asDouble())
        .isCloseTo((120 * 3.0 + 2000 * 0.30 + 300 * 3.75 + 45 * 15.0) / 1e6, within(1e-12));
    assertThat(span.get("response").asText()).isEqualTo("I'll check the weather in Paris.");
    assertThat(span.at("/metadata/llm.stop_reason").asText()).isEqualTo("tool_use");
    assertThat(span.at("/metadata/llm.tool_calls/0/id").asText()).isEqualTo("toolu_01A09q90qw90lq917835lq9");
    assertThat(span.at("/metadata/llm.tool_calls/0/name").asText()).isEqualTo("get_weather");
  }
}
