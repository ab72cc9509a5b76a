package io.llmops.observability.bedrock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.llmops.observability.bedrock.FakeBedrockRuntime.Answer;
import io.llmops.observability.bedrock.ProviderStreams.ProviderStream;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** InvokeModelWithResponseStream of Cohere, Mistral and AI21 models, each in its own chunk format. */
class ProviderStreamsTest extends BedrockTest {

  static List<ProviderStream> streams() {
    return ProviderStreams.all();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("streams")
  void theStreamIsAGenerationSpanWithTextStopReasonTokensCostAndTimeToFirstToken(ProviderStream s) {
    answerWith(s.chunks());

    List<String> received = invokeWithResponseStream(s.modelId(), s.request());

    assertThat(received).hasSameSizeAs(s.chunks());
    JsonNode span = onlySpan();
    assertThat(span.get("span_name").asText()).isEqualTo("bedrock.invoke_model_with_response_stream");
    assertThat(span.get("span_type").asText()).isEqualTo("generation");
    assertThat(span.get("model_id").asText()).isEqualTo(s.modelId());
    assertThat(span.get("status").asText()).isEqualTo("success");
    assertThat(span.toString()).contains("\"prompt\":" + TextNode.valueOf(s.prompt()));
    assertThat(span.toString()).as("%s", span).contains("\"response\":" + TextNode.valueOf(s.text()));
    assertThat(span.at("/metadata/llm.stop_reason").asText()).as("%s", span).isEqualTo(s.stopReason());
    assertThat(span.at("/usage/input_tokens").asLong()).isEqualTo(s.inputTokens());
    assertThat(span.at("/usage/output_tokens").asLong()).isEqualTo(s.outputTokens());
    assertThat(span.at("/cost/total_cost").asDouble()).isCloseTo(s.cost(), within(1e-12));
    assertTimeToFirstToken(span);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("streams")
  void aStreamEndingBeforeItsLastChunkGivesASpanWithTheTextAndNoUsage(ProviderStream s) {
    answerWith(s.withoutLastChunk());

    invokeWithResponseStream(s.modelId(), s.request());

    JsonNode span = onlySpan();
    assertThat(span.get("status").asText()).isEqualTo("success");
    assertThat(span.toString()).as("%s", span).contains("\"response\":" + TextNode.valueOf(s.text()));
    assertThat(span.at("/metadata/llm.stop_reason").isMissingNode()).as("%s", span).isTrue();
    assertThat(span.get("usage") == null || span.get("usage").isNull()).as("%s", span).isTrue();
    assertThat(span.get("cost") == null || span.get("cost").isNull()).as("%s", span).isTrue();
    assertTimeToFirstToken(span);
  }

  private void answerWith(List<String> chunks) {
    bedrock.answer("invoke-with-response-stream",
        Answer.eventStream(chunks.stream().map(EventStreamEncoder::chunk).toArray(byte[][]::new)));
  }

  private static void assertTimeToFirstToken(JsonNode span) {
    JsonNode ttft = span.at("/metadata/llm.time_to_first_token_ms");
    assertThat(ttft.isNumber()).as("ttft in %s", span).isTrue();
    assertThat(ttft.asDouble()).isBetween(0.0, span.get("duration_ms").asDouble() + 1);
  }
}
