package io.llmops.observability;

import static io.llmops.observability.testing.DecodedTraces.spansByName;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.llmops.observability.testing.CollectingSink;
import io.llmops.observability.testing.TracingHarness;
import io.llmops.observability.testing.TestConfigs;
import io.llmops.observability.testing.WireDecoder;
import java.io.IOException;
import java.time.Duration;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** What the application sees when its own code, or its arguments, go wrong. */
class ExceptionsTest {

  @RegisterExtension final TracingHarness tracing = new TracingHarness();
  private final CollectingSink sink = tracing.sink();

  /** Runs {@code body} in a trace and returns the one span named {@code name} as exported. */
  private JsonNode exportedSpan(String name, Runnable body) {
    TraceManager.startTrace("exceptions");
    body.run();
    assertThat(TraceManager.endTrace()).isTrue();
    assertThat(Llmops.flush(Duration.ofSeconds(5))).isTrue();
    assertThat(sink.messages()).hasSize(1);
    JsonNode trace = WireDecoder.trace(sink.messages().get(0).body());
    return spansByName(trace).get(name);
  }

  private static void assertRethrowsSameInstance(ThrowingCallable call, Throwable expected) {
    assertThatThrownBy(call).isSameAs(expected);
  }

  @Test
  void aCheckedExceptionFromCallIsRethrownUnchangedAndMarksTheSpanAsFailed() {
    IOException disk = new IOException("disk full");
    JsonNode span = exportedSpan("writes", () -> assertRethrowsSameInstance(
        () -> Llmops.tool("writes").call(() -> {
          throw disk;
        }), disk));

    assertThat(span.get("status").asText()).isEqualTo("error");
    assertThat(span.get("level").asText()).isEqualTo("ERROR");
    assertThat(span.get("error").asText()).isEqualTo("java.io.IOException: disk full");
    assertThat(span.at("/metadata/exception.type").asText()).isEqualTo("java.io.IOException");
    assertThat(span.at("/metadata/exception.message").asText()).isEqualTo("disk full");
    assertThat(span.get("status_message").asText()).isEqualTo("disk full");
  }

  @Test
  void anErrorFromRunIsRethrownUnchangedAndMarksTheSpanAsFailed() {
    AssertionError broken = new AssertionError("invariant broken");
    JsonNode span = exportedSpan("checks", () -> assertRethrowsSameInstance(
        () -> Llmops.span("checks").run(() -> {
          throw broken;
        }), broken));

    assertThat(span.get("status").asText()).isEqualTo("error");
    assertThat(span.get("error").asText()).isEqualTo("java.lang.AssertionError: invariant broken");
  }

  @Test
  void aRuntimeExceptionFromRunIsRethrownUnchanged() {
    UnsupportedOperationException nope = new UnsupportedOperationException();
    JsonNode span = exportedSpan("refuses", () -> assertRethrowsSameInstance(
        () -> Llmops.span("refuses").run(() -> {
          throw nope;
        }), nope));

    assertThat(span.get("status").asText()).isEqualTo("error");
    assertThat(span.get("error").asText()).isEqualTo("java.lang.UnsupportedOperationException");
  }

  @Test
  void theSpanOfASuccessfulCallIsNotMarkedAsFailed() {
    JsonNode span = exportedSpan("works", () -> Llmops.span("works").call(() -> "fine"));
    assertThat(span.get("status").asText()).isEqualTo("success");
    assertThat(span.get("error").isNull()).isTrue();
  }

  @Test
  void aStackOverflowFromDeepRecursionIsRethrownAndRecordedWithABoundedStackTrace() {
    StackOverflowError[] thrown = new StackOverflowError[1];
    JsonNode span = exportedSpan("recurses", () -> {
      try {
        Llmops.span("recurses").call(() -> recurse(0));
      } catch (StackOverflowError e) {
        thrown[0] = e;
      }
    });

    assertThat(thrown[0]).isNotNull();
    assertThat(span.get("status").asText()).isEqualTo("error");
    String stack = span.at("/metadata/exception.stacktrace").asText();
    assertThat(stack).startsWith("java.lang.StackOverflowError").contains("more");
    assertThat(stack.length()).isLessThan(20_000);
    assertThat(stack.lines().count()).isLessThan(thrown[0].getStackTrace().length);
  }

  private static int recurse(int depth) {
    return recurse(depth + 1) + 1;
  }

  @Test
  void aCyclicCauseChainIsRecordedWithoutLoopingForever() {
    IllegalStateException first = new IllegalStateException("first");
    IllegalArgumentException second = new IllegalArgumentException("second");
    first.initCause(second);
    second.initCause(first);

    JsonNode span = exportedSpan("cyclic", () -> assertRethrowsSameInstance(
        () -> Llmops.span("cyclic").run(() -> {
          throw first;
        }), first));

    String stack = span.at("/metadata/exception.stacktrace").asText();
    assertThat(stack).contains("Caused by: java.lang.IllegalArgumentException: second")
        .contains("cycle in cause chain");
  }

  @Test
  void anExceptionWhoseGetMessageThrowsIsStillRecordedAndRethrown() {
    RuntimeException hostile = new RuntimeException() {
      @Override
      public String getMessage() {
        throw new IllegalStateException("getMessage is broken");
      }
    };
    JsonNode span = exportedSpan("hostile", () -> assertRethrowsSameInstance(
        () -> Llmops.span("hostile").run(() -> {
          throw hostile;
        }), hostile));

    assertThat(span.get("status").asText()).isEqualTo("error");
    assertThat(span.get("error").asText()).contains("getMessage() threw");
  }

  @Test
  void anExceptionWhoseStackTraceAndCauseCannotBeReadIsStillRecordedAndRethrown() {
    RuntimeException hostile = new RuntimeException("unreadable") {
      @Override
      public StackTraceElement[] getStackTrace() {
        throw new IllegalStateException("getStackTrace is broken");
      }

      @Override
      public synchronized Throwable getCause() {
        throw new IllegalStateException("getCause is broken");
      }
    };
    JsonNode span = exportedSpan("unreadable", () -> assertRethrowsSameInstance(
        () -> Llmops.span("unreadable").run(() -> {
          throw hostile;
        }), hostile));

    assertThat(span.get("status").asText()).isEqualTo("error");
    assertThat(span.at("/metadata/exception.message").asText()).isEqualTo("unreadable");
    assertThat(span.at("/metadata/exception.stacktrace").asText())
        .contains("getStackTrace() threw").contains("getCause() threw");
  }

  @Test
  void aFailureInAnImplicitTraceIsExportedWithThatTrace() {
    IllegalStateException boom = new IllegalStateException("boom");
    assertThatThrownBy(() -> Llmops.agent("standalone").run(() -> {
      throw boom;
    })).isSameAs(boom);

    assertThat(Llmops.flush(Duration.ofSeconds(5))).isTrue();
    assertThat(sink.messages()).hasSize(1);
    JsonNode trace = WireDecoder.trace(sink.messages().get(0).body());
    assertThat(trace.get("trace_name").asText()).isEqualTo("standalone");
    assertThat(spansByName(trace).get("standalone").get("status").asText()).isEqualTo("error");
  }

  @Test
  void aNullOrBlankSpanNameIsRejectedNamingTheField() {
    assertThatThrownBy(() -> Llmops.span(null))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("name");
    assertThatThrownBy(() -> Llmops.generation(" "))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("name");
    assertThatThrownBy(() -> Llmops.tool(""))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("name");
    assertThatThrownBy(() -> Llmops.spanBuilder("typed", null))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("type");
  }

  @Test
  void aNullOrBlankTraceNameIsRejectedNamingTheField() {
    assertThatThrownBy(() -> TraceManager.startTrace(null))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("name");
    assertThatThrownBy(() -> TraceManager.newTrace("  "))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("name");
    assertThatThrownBy(() -> TraceManager.newTrace("ok").projectId(""))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("projectId");
    assertThatThrownBy(() -> TraceManager.newTrace("ok").tags("a", null))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("tags");
    assertThat(TraceManager.currentTraceId()).isNull();
  }

  @Test
  void invalidBuilderAndLifecycleArgumentsAreRejectedNamingTheField() {
    assertThatThrownBy(() -> Llmops.span("s").input(null, "v"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("input");
    assertThatThrownBy(() -> Llmops.span("s").metadata(null, "v"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("metadata");
    assertThatThrownBy(() -> Llmops.span("s").tag(null))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("tag");
    assertThatThrownBy(() -> Llmops.span("s").parent(null))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("parent");
    assertThatThrownBy(() -> Llmops.flush(null))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("timeout");
    assertThatThrownBy(() -> Llmops.flush(Duration.ofSeconds(-1)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("timeout");
    assertThatThrownBy(() -> Llmops.configure(null))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("config");
  }

  @Test
  void anInvalidConfigurationValueIsRejectedNamingTheVariable() {
    assertThatThrownBy(() -> TestConfigs.isolated().set("LLMOPS_EXPORT_QUEUE_CAPACITY", "0").build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("LLMOPS_EXPORT_QUEUE_CAPACITY");
    assertThatThrownBy(() -> TestConfigs.isolated().set("LLMOPS_FINALIZE_GRACE", "soon").build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("LLMOPS_FINALIZE_GRACE");
  }
}
