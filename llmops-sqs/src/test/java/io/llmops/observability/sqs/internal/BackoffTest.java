package io.llmops.observability.sqs.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BackoffTest {

  @Test
  void delaysGrowByTheMultiplierUpToTheMaximumWithJitterInTheUpperHalf() {
    Backoff highest = new Backoff(Duration.ofMillis(100), 2.0, Duration.ofMillis(500), () -> 0.999999);
    Backoff lowest = new Backoff(Duration.ofMillis(100), 2.0, Duration.ofMillis(500), () -> 0.0);

    assertThat(highest.delayNanos(1) / 1_000_000).isEqualTo(99);
    assertThat(highest.delayNanos(2) / 1_000_000).isEqualTo(199);
    assertThat(highest.delayNanos(3) / 1_000_000).isEqualTo(399);
    assertThat(highest.delayNanos(4) / 1_000_000).isEqualTo(499);
    assertThat(lowest.delayNanos(1) / 1_000_000).isEqualTo(50);
    assertThat(lowest.delayNanos(10) / 1_000_000).isEqualTo(250);
  }
}
