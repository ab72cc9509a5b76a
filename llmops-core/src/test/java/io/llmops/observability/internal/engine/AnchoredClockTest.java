package io.llmops.observability.internal.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AnchoredClockTest {

  @Test
  void readsTheWallClockInMicrosecondsAndNeverGoesBackBetweenAnchors() {
    AnchoredClock clock = new AnchoredClock();
    long before = System.currentTimeMillis() * 1_000;
    long previous = clock.nowMicros();
    for (int i = 0; i < 10_000; i++) {
      long now = clock.nowMicros();
      assertThat(now).isGreaterThanOrEqualTo(previous);
      previous = now;
    }
    long after = System.currentTimeMillis() * 1_000 + 1_000;
    assertThat(previous).isBetween(before - 1_000, after);
  }
}
