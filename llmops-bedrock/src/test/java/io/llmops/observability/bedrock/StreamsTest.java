package io.llmops.observability.bedrock;

import static io.llmops.observability.bedrock.EventStreamEncoder.chunk;
import static io.llmops.observability.bedrock.EventStreamEncoder.event;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.llmops.observability.ModelPrice;
import io.llmops.observability.Pricing;
import io.llmops.observability.bedrock.FakeBedrockRuntime.Answer;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.bedrockruntime.model.ContentBlock;
import software.amazon.awssdk.services.bedrockruntime.model.ConversationRole;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseStreamRequest;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseStreamResponseHandler;
import software.amazon.awssdk.services.bedrockruntime.model.Message;

class StreamsTest extends BedrockTest {

  static ConverseStreamRequest converseStream(String modelId) {
    return ConverseStreamRequest.builder().modelId(modelId)
        .messages(Message.builder().role(ConversationRole.USER)
            .content(ContentBlock.fromText("Greet me.")).build())
        .build();
  }

  /** The caller's handler: gathers the text deltas and the usage the SDK hands it. */
  static final class Gathered {
    final StringBuilder text = new StringBuilder();
    final List<Integer> outputTokens = new CopyOnWriteArrayList<>();

    ConverseStreamResponseHandler handler() {
      return ConverseStreamResponseHandler.builder()
          .subscriber(ConverseStreamResponseHandler.Visitor.builder()
              .onContentBlockDelta(e -> text.append(e.delta().text()))
              .onMetadata(e -> outputTokens.add(e.usage().outputTokens()))
              .build())
          .build();
    }
  }

  @Test
  void aConverseStreamIsAGenerationSpanWithTextUsageStopReasonCostAndTimeToFirstToken() {
    bedrock.answer("converse-stream", Answer.eventStream(
        event("messageStart", "{\"role\":\"assistant\"}"),
        event("contentBlockDelta", "{\"contentBlockIndex\":0,\"delta\":{\"text\":\"Hel\"}}"),
        event("contentBlockDelta", "{\"contentBlockIndex\":0,\"delta\":{\"text\":\"lo!\"}}"),
        event("contentBlockStop", "{\"contentBlockIndex\":0}"),
        event("messageStop", "{\"stopReason\":\"end_turn\"}"),
        event("metadata", "{\"usage\":{\"inputTokens\":10,\"outputTokens\":4,\"totalTokens\":14},"
            + "\"metrics\":{\"latencyMs\":100}}")));
    Gathered gathered = new Gathered();

    asyncClient.converseStream(converseStream(SONNET), gathered.handler()).join();

    assertThat(gathered.text).hasToString("Hello!");
    assertThat(gathered.outputTokens).containsExactly(4);
    JsonNode span = onlySpan();
    assertThat(span.get("span_name").asText()).isEqualTo("bedrock.converse_stream");
    assertThat(span.get("span_type").asText()).isEqualTo("generation");
    assertThat(span.get("model_id").asText()).isEqualTo(SONNET);
    assertThat(span.toString()).contains("\"prompt\":\"Greet me.\"");
    assertThat(span.toString()).contains("\"response\":\"Hello!\"");
    assertThat(span.at("/usage/input_tokens").asLong()).isEqualTo(10);
    assertThat(span.at("/usage/output_tokens").asLong()).isEqualTo(4);
    assertThat(span.at("/metadata/llm.stop_reason").asText()).isEqualTo("end_turn");
    assertThat(span.at("/cost/total_cost").asDouble()).isCloseTo(10 * 3e-6 + 4 * 15e-6,
        org.assertj.core.data.Offset.offset(1e-9));
    JsonNode ttft = span.at("/metadata/llm.time_to_first_token_ms");
    assertThat(ttft.isNumber()).as("ttft in %s", span).isTrue();
    assertThat(ttft.asDouble()).isBetween(0.0, span.get("duration_ms").asDouble() + 1);
    assertThat(span.get("status").asText()).isEqualTo("success");
  }

  @Test
  void aConverseStreamWithoutUsageStillEndsItsSpanWithTheTextSoFar() {
    bedrock.answer("converse-stream", Answer.eventStream(
        event("messageStart", "{\"role\":\"assistant\"}"),
        event("contentBlockDelta", "{\"contentBlockIndex\":0,\"delta\":{\"text\":\"Partial\"}}")));
    Gathered gathered = new Gathered();

    asyncClient.converseStream(converseStream(SONNET), gathered.handler()).join();

    assertThat(gathered.text).hasToString("Partial");
    JsonNode span = onlySpan();
    assertThat(span.toString()).contains("\"response\":\"Partial\"");
    assertThat(span.get("usage") == null || span.get("usage").isNull()).isTrue();
    assertThat(span.get("cost") == null || span.get("cost").isNull()).isTrue();
    assertThat(span.at("/metadata/llm.time_to_first_token_ms").isNumber()).isTrue();
  }

  @Test
  void aConverseStreamRefusedWithA400IsAnErrorSpan() {
    bedrock.answer("converse-stream", Answer.error(400, "ValidationException", "bad model"));

    assertThatThrownBy(() -> asyncClient.converseStream(converseStream(SONNET), new Gathered().handler()).join())
        .isInstanceOf(CompletionException.class).hasMessageContaining("bad model");

    JsonNode span = onlySpan();
    assertThat(span.get("status").asText()).isEqualTo("error");
    assertThat(span.get("level").asText()).isEqualTo("ERROR");
  }

  /** An Anthropic Messages stream of Claude 3 Haiku: 12 input and 6 output tokens, "Hi there". */
  static final byte[][] ANTHROPIC_STREAM = {
      chunk("{\"type\":\"message_start\",\"message\":{\"id\":\"m1\",\"type\":\"message\",\"role\":\"assistant\","
          + "\"model\":\"claude-3-haiku-20240307\",\"content\":[],\"usage\":{\"input_tokens\":12,\"output_tokens\":1}}}"),
      chunk("{\"type\":\"content_block_start\",\"index\":0,\"content_block\":{\"type\":\"text\",\"text\":\"\"}}"),
      chunk("{\"type\":\"content_block_delta\",\"index\":0,\"delta\":{\"type\":\"text_delta\",\"text\":\"Hi \"}}"),
      chunk("{\"type\":\"content_block_delta\",\"index\":0,\"delta\":{\"type\":\"text_delta\",\"text\":\"there\"}}"),
      chunk("{\"type\":\"content_block_stop\",\"index\":0}"),
      chunk("{\"type\":\"message_delta\",\"delta\":{\"stop_reason\":\"end_turn\"},\"usage\":{\"output_tokens\":6}}"),
      chunk("{\"type\":\"message_stop\",\"amazon-bedrock-invocationMetrics\":{\"inputTokenCount\":12,"
          + "\"outputTokenCount\":6,\"invocationLatency\":300,\"firstByteLatency\":100}}")};

  static final String ANTHROPIC_REQUEST = "{\"anthropic_version\":\"bedrock-2023-05-31\",\"max_tokens\":50,"
      + "\"messages\":[{\"role\":\"user\",\"content\":\"Greet me.\"}]}";

  @Test
  void anInvokeModelWithResponseStreamReadsTheProviderChunksAndTheInvocationMetrics() {
    bedrock.answer("invoke-with-response-stream", Answer.eventStream(ANTHROPIC_STREAM));
    List<String> chunks = invokeWithResponseStream("anthropic.claude-3-haiku-20240307-v1:0", ANTHROPIC_REQUEST);

    assertThat(chunks).hasSize(7);
    assertThat(chunks.get(2)).contains("Hi ");
    JsonNode span = onlySpan();
    assertThat(span.get("span_name").asText()).isEqualTo("bedrock.invoke_model_with_response_stream");
    assertThat(span.get("span_type").asText()).isEqualTo("generation");
    assertThat(span.toString()).contains("\"prompt\":\"Greet me.\"");
    assertThat(span.toString()).contains("\"response\":\"Hi there\"");
    assertThat(span.at("/usage/input_tokens").asLong()).isEqualTo(12);
    assertThat(span.at("/usage/output_tokens").asLong()).isEqualTo(6);
    assertThat(span.at("/cost/total_cost").asDouble()).isGreaterThan(0);
    assertThat(span.at("/metadata/llm.time_to_first_token_ms").isNumber()).isTrue();
  }

  @Test
  void anAnthropicStreamIsRecordedAndPricedAsTheRequestedModelNotAsTheModelItsPayloadNames() {
    Pricing.setPrice(APPLICATION_PROFILE, ModelPrice.perMillion(2.0, 10.0));
    bedrock.answer("invoke-with-response-stream", Answer.eventStream(ANTHROPIC_STREAM));

    invokeWithResponseStream(APPLICATION_PROFILE, ANTHROPIC_REQUEST);

    assertRecordedAsTheRequestedModel(onlySpan(), 12, 6);
  }
}
