package io.llmops.observability.internal.engine;

import java.time.Instant;

/** Wall-clock time in microseconds since the epoch; replaceable in tests. Internal. */
public interface EpochClock {

  EpochClock SYSTEM =
      () -> {
        Instant now = Instant.now();
        return now.getEpochSecond() * 1_000_000L + now.getNano() / 1_000;
      };

  long nowMicros();
}
