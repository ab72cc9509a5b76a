package io.llmops.observability.spring.boot.internal;

import io.llmops.observability.Llmops;
import io.llmops.observability.LlmopsStats;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.function.ToDoubleFunction;

/**
 * {@code Llmops.stats()} as Micrometer function counters: the totals under their own names
 * ({@code llmops.traces.started}, ..., {@code llmops.dropped}) and every counter the SDK has when
 * the registry binds as {@code llmops.stats} tagged {@code name} (docs/OPERATIONS.md lists
 * them). Each read takes a fresh copy of the counters; nothing is cached. Internal.
 */
public final class StatsMeters implements MeterBinder {

  @Override
  public void bindTo(MeterRegistry registry) {
    total(registry, "llmops.traces.started", "traces started", LlmopsStats::tracesStarted);
    total(registry, "llmops.traces.finalized", "traces finalized", LlmopsStats::tracesFinalized);
    total(registry, "llmops.spans.recorded", "spans recorded", LlmopsStats::spansRecorded);
    total(registry, "llmops.handed.off", "messages handed to a sink", LlmopsStats::handedOff);
    total(registry, "llmops.dropped", "traces or spans lost, all reasons", LlmopsStats::dropped);
    for (String name : Llmops.stats().counters().keySet()) {
      FunctionCounter.builder("llmops.stats", Llmops.class, owner -> Llmops.stats().get(name))
          .tag("name", name).description("an SDK counter (docs/OPERATIONS.md)").register(registry);
    }
  }

  private static void total(MeterRegistry registry, String name, String description,
      ToDoubleFunction<LlmopsStats> value) {
    FunctionCounter.builder(name, Llmops.class, owner -> value.applyAsDouble(Llmops.stats()))
        .description(description).register(registry);
  }
}
