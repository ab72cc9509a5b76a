package io.llmops.observability.wire;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.llmops.observability.SpanLevel;
import io.llmops.observability.SpanType;
import io.llmops.observability.export.TraceMessage;
import io.llmops.observability.internal.common.Counters;
import io.llmops.observability.internal.model.SpanData;
import io.llmops.observability.internal.model.TraceData;
import io.llmops.observability.internal.wire.FieldLimits;
import io.llmops.observability.internal.wire.MessageEncoder;
import io.llmops.observability.internal.wire.Redactor;
import io.llmops.observability.internal.wire.TraceJsonWriter;
import io.llmops.observability.testing.SchemaValidator;
import io.llmops.observability.testing.WireDecoder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Idempotency keys are a function of the trace's identity: encoding the same trace again (a
 * retry, a spillover replay) gives the same keys, another trace gives others. Drives the
 * SDK's own encoder directly, since the public API never encodes one trace twice.
 */
class IdempotencyTest {

  private static MessageEncoder encoder(int maxMessageBytes) {
    Counters counters = new Counters();
    TraceJsonWriter writer =
        new TraceJsonWriter(new Redactor(List.of()), counters, "llmops-observability-java", "test");
    return new MessageEncoder(writer, new FieldLimits(50_000, 20_000, 10_000, Integer.MAX_VALUE, 0),
        maxMessageBytes, counters);
  }

  private static SpanData span(String id, String parent, String output) {
    return new SpanData(id, parent, "step", SpanType.SPAN, 1_000_000, 2_000_000, List.of(),
        Map.of(), Map.of(), SpanData.ABSENT, output, null, null, null, null, null, Map.of(),
        List.of(), SpanLevel.DEFAULT, null, null);
  }

  private static TraceData trace(String traceId, long endMicros, String output, int spans) {
    List<SpanData> list = new ArrayList<>();
    for (int i = 0; i < spans; i++) {
      int shift = (i * 1_000) % output.length(); // a different text per span
      String rotated = output.substring(shift) + output.substring(0, shift);
      list.add(span(traceId + "-s" + i, i == 0 ? null : traceId + "-s0", rotated));
    }
    return new TraceData(traceId, "t", "p", "e", null, null, 1_000_000, endMicros, null, null,
        Map.of(), List.of(), list, 0, 0);
  }

  private static List<String> keys(TraceMessage message) {
    JsonNode trace = WireDecoder.trace(message.body());
    assertThat(SchemaValidator.validateBody(message.body())).isEmpty();
    List<String> keys = new ArrayList<>();
    keys.add(trace.get("idempotency_key").asText());
    trace.get("spans").forEach(s -> keys.add(s.get("idempotency_key").asText()));
    return keys;
  }

  @Test
  void encodingTheSameTraceTwiceGivesTheSameKeys() {
    TraceData trace = trace("trace-a", 3_000_000, "out", 3);
    TraceMessage first = encoder(200_000).encode(trace);
    TraceMessage second = encoder(200_000).encode(trace);

    assertThat(keys(second)).isEqualTo(keys(first)).hasSize(4).doesNotHaveDuplicates();
    assertThat(second.idempotencyKey()).isEqualTo(first.idempotencyKey())
        .isEqualTo(keys(first).get(0));
  }

  @Test
  void keysDependOnIdentityNotOnTimingOrContent() {
    List<String> original = keys(encoder(200_000).encode(trace("trace-a", 3_000_000, "out", 2)));
    List<String> changed = keys(encoder(200_000).encode(trace("trace-a", 9_000_000, "other", 2)));
    assertThat(changed).isEqualTo(original);
  }

  @Test
  void differentTracesGetDifferentKeys() {
    List<String> a = keys(encoder(200_000).encode(trace("trace-a", 3_000_000, "out", 2)));
    List<String> b = keys(encoder(200_000).encode(trace("trace-b", 3_000_000, "out", 2)));
    assertThat(a).doesNotContainAnyElementsOf(b);
    List<String> moreSpans = keys(encoder(200_000).encode(trace("trace-a", 3_000_000, "out", 3)));
    assertThat(moreSpans.get(0)).isNotEqualTo(a.get(0)); // a later segment of the same trace
  }

  @Test
  void aTruncatedEncodingKeepsTheTraceKey() {
    StringBuilder noise = new StringBuilder();
    java.util.Random random = new java.util.Random(11);
    for (int i = 0; i < 30_000; i++) {
      noise.append(Character.forDigit(random.nextInt(16), 16));
    }
    TraceData trace = trace("trace-big", 3_000_000, noise.toString(), 40);
    TraceMessage whole = encoder(1_048_576).encode(trace);
    TraceMessage cut = encoder(4_096).encode(trace);

    assertThat(cut.bodySize()).isLessThanOrEqualTo(4_096);
    assertThat(WireDecoder.trace(cut.body()).at("/metadata/llmops.truncation").isObject()).isTrue();
    assertThat(cut.idempotencyKey()).isEqualTo(whole.idempotencyKey());
    assertThat(keys(cut).get(0)).isEqualTo(keys(whole).get(0));
  }
}
