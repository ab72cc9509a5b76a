package io.llmops.observability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.llmops.observability.testing.CapturedLog;
import io.llmops.observability.testing.PreparedSinkProvider;
import io.llmops.observability.testing.TestConfigs;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A sink module that prepares its sink in two steps ({@code SinkProvider.prepare}) validates on
 * the thread that configures the SDK and has its sink built on the sink's own thread, at once.
 */
class SinkPreparationTest {

  @BeforeEach
  void forgetEarlierSinks() {
    PreparedSinkProvider.reset();
  }

  @AfterEach
  void shutdown() {
    Llmops.shutdown(Duration.ofSeconds(5));
    PreparedSinkProvider.reset();
  }

  @Test
  void thePreparedSinkIsBuiltOnItsOwnThreadAsSoonAsThePipelineStartsWithoutWaitingForATrace() {
    Llmops.configure(TestConfigs.isolated().sinks(PreparedSinkProvider.NAME).build());

    assertThat(PreparedSinkProvider.PREPARED_ON).containsExactly(Thread.currentThread().getName());
    await().atMost(Duration.ofSeconds(10)).until(() -> !PreparedSinkProvider.BUILT_ON.isEmpty());
    assertThat(PreparedSinkProvider.BUILT_ON).containsExactly("llmops-sink-prepared");
  }

  @Test
  void tracesFinalizedBeforeTheSinkIsBuiltReachIt() {
    Llmops.configure(TestConfigs.isolated().sinks(PreparedSinkProvider.NAME).build());
    TraceManager.startTrace("at-once");
    TraceManager.endTrace();

    assertThat(Llmops.flush(Duration.ofSeconds(5))).isTrue();
    assertThat(PreparedSinkProvider.BUILT.get(0).messages()).hasSize(1);
    assertThat(Llmops.stats().get("handed_off.prepared")).isEqualTo(1);
  }

  @Test
  void aSinkThatCannotBeBuiltFailsEveryExportToItCountedAndLogged() {
    PreparedSinkProvider.failBuilds = true;
    try (CapturedLog log = CapturedLog.open()) {
      Llmops.configure(TestConfigs.isolated().sinks(PreparedSinkProvider.NAME).build());
      TraceManager.startTrace("unbuilt");
      TraceManager.endTrace();

      assertThat(Llmops.flush(Duration.ofSeconds(5))).isFalse();
      assertThat(Llmops.stats().get("export_failed.prepared")).isEqualTo(1);
      assertThat(Llmops.stats().get("internal.errors")).isEqualTo(1);
      assertThat(log.text()).contains("Sink 'prepared' threw from start")
          .contains("Sink 'prepared' failed to export 1 traces: the sink could not be built");
    }
  }

  @Test
  void aConfigurationAnotherSinkRefusesBuildsNoPreparedSink() {
    assertThatThrownBy(() -> Llmops.configure(
        TestConfigs.isolated().sinks(PreparedSinkProvider.NAME, "refusing").build()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("REFUSING_SINK_SETTING");

    assertThat(PreparedSinkProvider.PREPARED_ON).hasSize(1);
    assertThat(PreparedSinkProvider.BUILT_ON).isEmpty();
  }
}
