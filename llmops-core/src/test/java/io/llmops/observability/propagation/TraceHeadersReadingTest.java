package io.llmops.observability.propagation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.llmops.observability.Llmops;
import io.llmops.observability.RemoteParent;
import io.llmops.observability.TraceHeaders;
import io.llmops.observability.testing.CapturedLog;
import io.llmops.observability.testing.TracingHarness;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The called side: what a request's trace headers are taken to say, and what is refused. */
@Timeout(60)
class TraceHeadersReadingTest {

  /** W3C Trace Context's own example value. */
  private static final String W3C_EXAMPLE = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";
  private static final String SDK_TRACE_ID = "4bf92f35-77b3-4da6-a3ce-929d0e0e4736";

  @RegisterExtension final TracingHarness tracing = new TracingHarness();

  @Test
  void aTraceparentWithTheSdksTraceIdNamesACallerThatMergesSegments() {
    RemoteParent parent = TraceHeaders.read(Map.of(
        "traceparent", W3C_EXAMPLE, "x-llmops-trace-id", SDK_TRACE_ID));

    assertThat(parent).isEqualTo(new RemoteParent(SDK_TRACE_ID, "00f067aa0ba902b7", true, true));
  }

  @Test
  void theSdkTraceIdMayAlsoComeAsBareHexAsAPythonCallerMayWriteIt() {
    RemoteParent parent = TraceHeaders.read(name -> switch (name) {
      case "traceparent" -> W3C_EXAMPLE;
      case "x-llmops-trace-id" -> "4bf92f3577b34da6a3ce929d0e0e4736";
      default -> null;
    });

    assertThat(parent.childSegment()).isTrue();
    assertThat(parent.traceId()).isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
  }

  @Test
  void aTraceparentAloneNamesAnOrdinaryW3cCallerAndItsSampledFlag() {
    RemoteParent parent = TraceHeaders.read(
        Map.of("Traceparent", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-00"));

    assertThat(parent).isEqualTo(new RemoteParent(
        "4bf92f3577b34da6a3ce929d0e0e4736", "00f067aa0ba902b7", false, false));
  }

  @Test
  void aLaterVersionIsReadByItsFirstFourFieldsAsTheRecommendationSays() {
    RemoteParent parent = TraceHeaders.read(Map.of("traceparent",
        "cc-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01-what-the-future-will-be-like"));

    assertThat(parent.parentSpanId()).isEqualTo("00f067aa0ba902b7");
  }

  @Test
  void noHeadersMeanNoCallerAndNoWarning() {
    try (CapturedLog log = CapturedLog.open()) {
      assertThat(TraceHeaders.read(Map.of("accept", "text/html"))).isNull();
      assertThat(log.messages()).isEmpty();
    }
    assertThat(Llmops.stats().get("propagation.headers_ignored")).isZero();
  }

  static Stream<Arguments> hostileHeaders() {
    String tenKb = "00-" + "a".repeat(10_000);
    return Stream.of(
        Arguments.of("uppercase hex", Map.of("traceparent", W3C_EXAMPLE.toUpperCase()), null),
        Arguments.of("version ff", Map.of("traceparent", "ff" + W3C_EXAMPLE.substring(2)), null),
        Arguments.of("short trace id", Map.of("traceparent", "00-4bf92f3577b34da6a3ce929d0e0e473-00f067aa0ba902b7-01"), null),
        Arguments.of("all-zero trace id", Map.of("traceparent", "00-00000000000000000000000000000000-00f067aa0ba902b7-01"), null),
        Arguments.of("all-zero span id", Map.of("traceparent", "00-4bf92f3577b34da6a3ce929d0e0e4736-0000000000000000-01"), null),
        Arguments.of("version 00 with more after it", Map.of("traceparent", W3C_EXAMPLE + "-extra"), null),
        Arguments.of("control characters", Map.of("traceparent", W3C_EXAMPLE.replace('-', '\u0001')), null),
        Arguments.of("a 10 kB value", Map.of("traceparent", tenKb), null),
        Arguments.of("traceparent sent twice", Map.of("traceparent", List.of(W3C_EXAMPLE, W3C_EXAMPLE)), null),
        Arguments.of("x-llmops-trace-id alone", Map.of("x-llmops-trace-id", SDK_TRACE_ID), null),
        Arguments.of("x-llmops-trace-id of another trace", Map.of("traceparent", W3C_EXAMPLE,
            "x-llmops-trace-id", "11111111-2222-4333-8444-555555555555"), "w3c only"),
        Arguments.of("x-llmops-trace-id not an id", Map.of("traceparent", W3C_EXAMPLE,
            "x-llmops-trace-id", "project=prod;" + "x".repeat(10_000)), "w3c only"),
        Arguments.of("x-llmops-trace-id sent twice", Map.of("traceparent", W3C_EXAMPLE,
            "x-llmops-trace-id", List.of(SDK_TRACE_ID, SDK_TRACE_ID)), "w3c only"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("hostileHeaders")
  void aHeaderThatIsNotExactlyValidIsIgnoredWithOneCountedWarningThatNeverEchoesIt(
      String what, Map<String, ?> headers, String leftOver) {
    RemoteParent parent;
    try (CapturedLog log = CapturedLog.open()) {
      parent = TraceHeaders.read(headers);
      TraceHeaders.read(headers);

      // once per reason and interval in the whole JVM: an earlier case may have logged it
      assertThat(log.messages()).hasSizeLessThanOrEqualTo(1)
          .allSatisfy(m -> assertThat(m).contains("ignored the trace headers")
              .doesNotContain("4bf92f35").doesNotContain("project=prod").doesNotContain("aaaaaaaa"));
    }
    if (leftOver == null) {
      assertThat(parent).isNull();
    } else {
      assertThat(parent).isEqualTo(new RemoteParent(
          "4bf92f3577b34da6a3ce929d0e0e4736", "00f067aa0ba902b7", true, false));
    }
    assertThat(Llmops.stats().get("propagation.headers_ignored")).isEqualTo(2);
  }

  @Test
  void headerNamesAreMatchedWithoutRegardToCase() {
    Map<String, String> headers = new TreeMap<>();
    headers.put("TRACEPARENT", W3C_EXAMPLE);
    headers.put("X-LLMOPS-TRACE-ID", SDK_TRACE_ID);

    assertThat(TraceHeaders.read(headers).childSegment()).isTrue();
  }

  @Test
  void aRemoteParentBuiltInCodeIsCheckedFieldByField() {
    assertThatThrownBy(() -> new RemoteParent("not-an-id", "00f067aa0ba902b7", true, true))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("traceId")
        .hasMessageNotContaining("not-an-id");
    assertThatThrownBy(() -> new RemoteParent(SDK_TRACE_ID, "00F067AA0BA902B7", true, true))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("parentSpanId");
  }
}
