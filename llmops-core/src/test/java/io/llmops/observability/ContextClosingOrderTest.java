package io.llmops.observability;

import static io.llmops.observability.testing.DecodedTraces.parentOf;
import static io.llmops.observability.testing.DecodedTraces.spansByName;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.llmops.observability.testing.DecodedTraces;
import io.llmops.observability.testing.Exported;
import io.llmops.observability.testing.OwnThreadPerTest;
import io.llmops.observability.testing.TracingHarness;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every order in which user code can close what it opened (spans, scopes, traces) leaves the
 * thread with an empty context and sends every trace exactly once, complete.
 */
@ExtendWith(OwnThreadPerTest.class)
class ContextClosingOrderTest {

  private static final String FINALIZE = "finalize";

  @RegisterExtension final TracingHarness tracing = new TracingHarness();

  private final ExecutorService other = Executors.newSingleThreadExecutor();

  @AfterEach
  void stopOtherThread() throws InterruptedException {
    other.shutdownNow();
    assertThat(other.awaitTermination(5, TimeUnit.SECONDS)).isTrue();
  }

  /** What a scenario opened: how to close each thing, and the spans each trace must deliver. */
  private static final class Opened {
    final Map<String, Runnable> closers = new LinkedHashMap<>();
    final Map<String, Set<String>> spansByTrace = new LinkedHashMap<>();
  }

  static Stream<Arguments> closingOrders() {
    return Stream.of(
        orders("a trace started inside a span of another trace", "A", "B", FINALIZE, FINALIZE),
        orders("an empty scope between two traces", "A", "S", "B", FINALIZE, FINALIZE),
        orders("a trace started inside an implicit trace", "A", "B", "C", FINALIZE),
        orders("spans and scopes of one trace", "A", "s1", "B", "s2", FINALIZE),
        orders("a span closed on another thread", "A elsewhere", "B", FINALIZE, FINALIZE))
        .flatMap(s -> s);
  }

  @ParameterizedTest(name = "{0}: {1}")
  @MethodSource("closingOrders")
  void closingInThisOrderLosesNothingAndLeavesTheContextEmpty(String scenario, List<String> order) {
    Opened opened = open(scenario);
    for (String step : order) {
      if (step.equals(FINALIZE)) {
        TraceManager.finalizeAndSend();
      } else {
        opened.closers.get(step).run();
      }
    }
    for (int i = 0; i < 5 && TraceManager.currentTraceId() != null; i++) {
      TraceManager.finalizeAndSend(); // what the user finalizes last
    }
    assertThat(TraceManager.currentTraceId()).as("trace left current").isNull();
    assertThat(LlmopsContext.current().spanId()).as("span left current").isNull();
    Span after = Llmops.span("after").start();
    after.close();

    Map<String, JsonNode> traces = DecodedTraces.byTraceId(Exported.flushed(tracing.sink()));
    assertThat(traces).hasSize(opened.spansByTrace.size() + 1);
    opened.spansByTrace.forEach((traceId, spans) ->
        assertThat(spansByName(traces.get(traceId)).keySet()).as("spans of %s", traceId)
            .containsExactlyInAnyOrderElementsOf(spans));
    Map<String, JsonNode> afterSpans = spansByName(traces.get(after.traceId()));
    assertThat(afterSpans).containsOnlyKeys("after");
    assertThat(parentOf(afterSpans.get("after"))).isNull();
    assertThat(Llmops.stats().get("spans.late")).isZero();
    assertThat(Llmops.stats().get("traces.sent_with_open_spans")).isZero();
    assertThat(Llmops.stats().get("traces.replaced")).isZero();
  }

  private Opened open(String scenario) {
    Opened opened = new Opened();
    switch (scenario) {
      case "a trace started inside a span of another trace" -> {
        String first = TraceManager.startTrace("first");
        Span a = Llmops.span("A").start();
        String second = TraceManager.startTrace("second");
        Span b = Llmops.span("B").start();
        opened.closers.put("A", a::close);
        opened.closers.put("B", b::close);
        opened.spansByTrace.put(first, Set.of("A"));
        opened.spansByTrace.put(second, Set.of("B"));
      }
      case "an empty scope between two traces" -> {
        String first = TraceManager.startTrace("first");
        Span a = Llmops.span("A").start();
        Scope empty = LlmopsContext.empty().makeCurrent();
        String second = TraceManager.startTrace("second");
        Span b = Llmops.span("B").start();
        opened.closers.put("A", a::close);
        opened.closers.put("S", empty::close);
        opened.closers.put("B", b::close);
        opened.spansByTrace.put(first, Set.of("A"));
        opened.spansByTrace.put(second, Set.of("B"));
      }
      case "a trace started inside an implicit trace" -> {
        Span a = Llmops.span("A").start();
        Span b = Llmops.span("B").start();
        String explicit = TraceManager.startTrace("explicit");
        Span c = Llmops.span("C").start();
        opened.closers.put("A", a::close);
        opened.closers.put("B", b::close);
        opened.closers.put("C", c::close);
        opened.spansByTrace.put(a.traceId(), Set.of("A", "B"));
        opened.spansByTrace.put(explicit, Set.of("C"));
      }
      case "spans and scopes of one trace" -> {
        String trace = TraceManager.startTrace("one");
        Span a = Llmops.span("A").start();
        Scope s1 = a.makeCurrent();
        Span b = Llmops.span("B").start();
        Scope s2 = LlmopsContext.empty().makeCurrent();
        opened.closers.put("A", a::close);
        opened.closers.put("s1", s1::close);
        opened.closers.put("B", b::close);
        opened.closers.put("s2", s2::close);
        opened.spansByTrace.put(trace, Set.of("A", "B"));
      }
      case "a span closed on another thread" -> {
        String first = TraceManager.startTrace("first");
        Span a = Llmops.span("A").start();
        String second = TraceManager.startTrace("second");
        Span b = Llmops.span("B").start();
        opened.closers.put("A elsewhere", () -> onOtherThread(a::close));
        opened.closers.put("B", b::close);
        opened.spansByTrace.put(first, Set.of("A"));
        opened.spansByTrace.put(second, Set.of("B"));
      }
      default -> throw new IllegalArgumentException(scenario);
    }
    return opened;
  }

  private void onOtherThread(Runnable task) {
    try {
      other.submit(task).get(10, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  /** Every distinct order of {@code steps} (repeated steps are interchangeable). */
  private static Stream<Arguments> orders(String scenario, String... steps) {
    List<List<String>> orders = new ArrayList<>();
    permute(new ArrayList<>(List.of(steps)), new ArrayList<>(), orders);
    return orders.stream().map(order -> Arguments.of(scenario, order));
  }

  private static void permute(List<String> left, List<String> prefix, List<List<String>> out) {
    if (left.isEmpty()) {
      out.add(List.copyOf(prefix));
      return;
    }
    for (String step : new java.util.TreeSet<>(left)) {
      left.remove(step);
      prefix.add(step);
      permute(left, prefix, out);
      prefix.remove(prefix.size() - 1);
      left.add(step);
    }
  }
}
