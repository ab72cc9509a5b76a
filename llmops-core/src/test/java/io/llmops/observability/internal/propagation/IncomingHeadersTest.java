package io.llmops.observability.internal.propagation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Why a request's trace headers are refused: one reason per kind of defect, never a value. */
class IncomingHeadersTest {

  private static final String VALID = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

  private static IncomingHeaders.Reading read(Map<String, List<String>> headers) {
    return IncomingHeaders.read(headers::get);
  }

  @Test
  void eachDefectHasItsOwnReason() {
    assertThat(read(Map.of("traceparent", List.of("garbage"))).ignoredBecause())
        .isEqualTo("traceparent is not a valid W3C Trace Context value");
    assertThat(read(Map.of("traceparent", List.of(VALID, VALID))).ignoredBecause())
        .isEqualTo("traceparent sent more than once");
    assertThat(read(Map.of("x-llmops-trace-id", List.of("4bf92f3577b34da6a3ce929d0e0e4736")))
        .ignoredBecause()).isEqualTo("x-llmops-trace-id came without a valid traceparent");
    assertThat(read(Map.of("traceparent", List.of(VALID), "x-llmops-trace-id", List.of("prod")))
        .ignoredBecause()).isEqualTo("x-llmops-trace-id is not a trace id");
    assertThat(read(Map.of("traceparent", List.of(VALID),
        "x-llmops-trace-id", List.of("11111111-2222-4333-8444-555555555555"))).ignoredBecause())
        .isEqualTo("x-llmops-trace-id and traceparent name different traces");
  }

  @Test
  void aValidPairIsNotReportedAsIgnored() {
    IncomingHeaders.Reading reading = read(Map.of("traceparent", List.of(VALID),
        "x-llmops-trace-id", List.of("4bf92f35-77b3-4da6-a3ce-929d0e0e4736")));

    assertThat(reading.ignoredBecause()).isNull();
    assertThat(reading.parent().childSegment()).isTrue();
  }

  @Test
  void outgoingHeadersReadBackAsTheSameCaller() {
    Map<String, String> sent = OutgoingHeaders.of("4bf92f35-77b3-4da6-a3ce-929d0e0e4736",
        "00f067aa-0ba9-42b7-9c0d-7b3c9a1f2e11");

    IncomingHeaders.Reading reading = IncomingHeaders.read(name ->
        sent.containsKey(name) ? List.of(sent.get(name)) : null);
    assertThat(reading.parent().traceId()).isEqualTo("4bf92f35-77b3-4da6-a3ce-929d0e0e4736");
    assertThat(reading.parent().parentSpanId()).isEqualTo("00f067aa0ba942b7");
  }

  @Test
  void idsThisSdkDoesNotWriteGiveNoHeaders() {
    assertThat(OutgoingHeaders.of("trace-1", "00f067aa-0ba9-42b7-9c0d-7b3c9a1f2e11")).isEmpty();
    assertThat(OutgoingHeaders.of("4bf92f35-77b3-4da6-a3ce-929d0e0e4736", "span-1")).isEmpty();
  }
}
