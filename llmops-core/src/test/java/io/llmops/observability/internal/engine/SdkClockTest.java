package io.llmops.observability.internal.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.llmops.observability.Llmops;
import io.llmops.observability.spi.SdkClock;
import io.llmops.observability.testing.TestConfigs;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** An integration's timestamps come from the running runtime's clock, the one its spans use. */
class SdkClockTest {

  @AfterEach
  void shutDown() {
    Llmops.shutdown(Duration.ofSeconds(5));
  }

  @Test
  void sdkClockReadsTheInstalledRuntimesClock() {
    Tracer.install(TestConfigs.isolated().build(), () -> 1_234_567L);
    assertThat(SdkClock.nowMicros()).isEqualTo(1_234_567L);

    Tracer.install(TestConfigs.isolated().build(), () -> 7_654_321L);
    assertThat(SdkClock.nowMicros()).isEqualTo(7_654_321L);
  }
}
