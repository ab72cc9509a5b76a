package io.llmops.observability.wire;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.llmops.observability.Llmops;
import io.llmops.observability.Span;
import io.llmops.observability.TraceManager;
import io.llmops.observability.testing.CollectingSink;
import io.llmops.observability.testing.TracingHarness;
import io.llmops.observability.testing.WireDecoder;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Per-field byte limits with the default configuration: trace input/output 50,000 bytes, span
 * input/output 20,000, prompt/response 10,000. Each side of every limit is checked.
 */
class TruncationTest {

  @RegisterExtension final TracingHarness tracing = new TracingHarness();
  private final CollectingSink sink = tracing.sink();

  private JsonNode onlyTrace() {
    assertThat(Llmops.flush(Duration.ofSeconds(10))).isTrue();
    assertThat(sink.messages()).hasSize(1);
    return WireDecoder.trace(sink.messages().get(0).body());
  }

  private static Map<String, JsonNode> spansByName(JsonNode trace) {
    Map<String, JsonNode> byName = new HashMap<>();
    trace.get("spans").forEach(s -> byName.put(s.get("span_name").asText(), s));
    return byName;
  }

  private static int utf8(String s) {
    return s.getBytes(UTF_8).length;
  }

  /** Asserts {@code node} is the truncation marker for a value whose JSON was {@code json}. */
  private static void assertMarker(JsonNode node, String json) {
    assertThat(node.isObject()).as("truncation marker expected, got %s", node.getNodeType()).isTrue();
    assertThat(node.get("truncated").asBoolean()).isTrue();
    assertThat(node.get("original_size_bytes").asLong()).isEqualTo(utf8(json));
    String preview = node.get("preview").asText();
    assertThat(preview).isNotEmpty();
    assertThat(json).startsWith(preview);
    assertThat(utf8(preview)).isLessThanOrEqualTo(1_000);
  }

  @Test
  void traceInputAndOutputAreBoundedAt50000Bytes() {
    String big = "i".repeat(50_000);
    String fits = "o".repeat(49_000);
    TraceManager.startTrace("trace_io");
    TraceManager.finalizeAndSend(Map.of("doc", big), Map.of("doc", fits));
    JsonNode trace = onlyTrace();

    assertMarker(trace.get("trace_input"), "{\"doc\":\"" + big + "\"}");
    assertThat(trace.at("/trace_output/doc").asText()).isEqualTo(fits);
  }

  @Test
  void spanInputAndOutputAreBoundedAt20000Bytes() {
    String bigInput = "q".repeat(20_000);
    String bigOutput = "é".repeat(10_000); // 20,000 bytes in UTF-8 but only 10,000 chars
    String fits = "f".repeat(19_900);
    TraceManager.startTrace("span_io");
    try (Span span = Llmops.span("big").input("q", bigInput).start()) {
      span.setOutput(bigOutput);
    }
    try (Span span = Llmops.span("small").args(fits).start()) {
      span.setOutput(fits);
    }
    TraceManager.endTrace();
    Map<String, JsonNode> spans = spansByName(onlyTrace());

    assertMarker(spans.get("big").get("input_data"),
        "{\"args\":[],\"kwargs\":{\"q\":\"" + bigInput + "\"},\"locals\":{}}");
    assertMarker(spans.get("big").get("output_data"), "{\"output\":\"" + bigOutput + "\"}");
    assertThat(spans.get("small").at("/input_data/args/0").asText()).isEqualTo(fits);
    assertThat(spans.get("small").at("/output_data/output").asText()).isEqualTo(fits);
  }

  @Test
  void promptAndResponseAreCutAt10000BytesWithANote() {
    String prompt = "p".repeat(12_000);
    String response = "ü".repeat(6_000); // 12,000 bytes
    String fits = "r".repeat(10_000);
    TraceManager.startTrace("prompt_response");
    try (Span llm = Llmops.generation("big").prompt(prompt).start()) {
      llm.setResponse(response);
    }
    try (Span llm = Llmops.generation("small").prompt(fits).start()) {
      llm.setResponse(fits);
    }
    TraceManager.endTrace();
    Map<String, JsonNode> spans = spansByName(onlyTrace());

    String cutPrompt = spans.get("big").get("prompt").asText();
    assertThat(cutPrompt).startsWith("p".repeat(9_000)).endsWith("…[truncated: 12000 bytes]");
    assertThat(utf8(cutPrompt)).isLessThanOrEqualTo(10_000);
    String cutResponse = spans.get("big").get("response").asText();
    assertThat(cutResponse).startsWith("ü".repeat(4_000)).endsWith("…[truncated: 12000 bytes]");
    assertThat(utf8(cutResponse)).isLessThanOrEqualTo(10_000);
    assertThat(spans.get("small").get("prompt").asText()).isEqualTo(fits);
    assertThat(spans.get("small").get("response").asText()).isEqualTo(fits);
    assertThat(Llmops.stats().get("messages.truncated")).isEqualTo(2);
  }

  @Test
  void aPromptLongerThanTheCaptureBoundReportsItsOriginalLength() {
    String prompt = "q".repeat(1_000_000);
    TraceManager.startTrace("huge_prompt");
    try (Span ignored = Llmops.generation("huge").prompt(prompt).start()) {
      // the prompt is captured at start
    }
    TraceManager.endTrace();

    String cut = spansByName(onlyTrace()).get("huge").get("prompt").asText();
    assertThat(cut).startsWith("q".repeat(9_000)).endsWith("…[truncated: 1000000 chars]");
    assertThat(utf8(cut)).isLessThanOrEqualTo(10_000);
  }

  @Test
  void oversizedMetadataValuesBecomeMarkersAndSmallOnesStay() {
    String big = "m".repeat(21_000);
    TraceManager.newTrace("metadata").metadata("big", big).metadata("small", "ok").start();
    Llmops.span("s").metadata("big", big).metadata("small", "ok").run(() -> { });
    TraceManager.endTrace();
    JsonNode trace = onlyTrace();

    assertThat(trace.at("/metadata/small").asText()).isEqualTo("ok");
    assertThat(trace.at("/metadata/big").asText()).isEqualTo(big); // under the 50,000 trace limit
    JsonNode span = trace.at("/spans/0");
    assertThat(span.at("/metadata/small").asText()).isEqualTo("ok");
    assertMarker(span.at("/metadata/big"), "\"" + big + "\"");
    assertThat(trace.at("/metadata/llmops.truncation").isMissingNode()).isTrue();
  }
}
