package io.llmops.observability.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import io.llmops.observability.Llmops;
import io.llmops.observability.TraceManager;
import io.llmops.observability.spring.boot.internal.StatsMeters;
import io.llmops.observability.testing.CollectingSink;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;

/** Llmops.stats() as Micrometer meters, and what is queued delivered when the context closes. */
@Timeout(60)
class StatsMetersAndFlushTest {

  private final CollectingSink sink = new CollectingSink();

  @Test
  void theMetersReadTheSdkCounters() {
    try (ConfigurableApplicationContext context =
        StarterApps.start(sink, WebApplicationType.NONE, TrackedBeansTest.App.class)) {
      MeterRegistry registry = new SimpleMeterRegistry();
      context.getBean(StatsMeters.class).bindTo(registry);

      TraceManager.startTrace("counted");
      Llmops.span("step").start().end();
      TraceManager.finalizeAndSend();

      assertThat(registry.get("llmops.traces.started").functionCounter().count())
          .isEqualTo(Llmops.stats().tracesStarted()).isPositive();
      assertThat(registry.get("llmops.spans.recorded").functionCounter().count())
          .isEqualTo(Llmops.stats().spansRecorded()).isPositive();
    }
  }

  @Test
  void thePropertyTurnsTheMetersOff() {
    try (ConfigurableApplicationContext context = StarterApps.start(sink,
        WebApplicationType.NONE, TrackedBeansTest.App.class, "--llmops.metrics.enabled=false")) {
      assertThat(context.getBeanNamesForType(StatsMeters.class)).isEmpty();
    }
  }

  @Test
  void closingTheContextDeliversTheTracesStillQueued() {
    ConfigurableApplicationContext context =
        StarterApps.start(sink, WebApplicationType.NONE, TrackedBeansTest.App.class);
    TraceManager.startTrace("last");
    TraceManager.finalizeAndSend();

    context.close();

    assertThat(sink.messages()).hasSize(1);
  }
}
