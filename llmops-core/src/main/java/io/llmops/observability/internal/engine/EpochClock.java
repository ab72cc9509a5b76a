package io.llmops.observability.internal.engine;

/** Wall-clock time in microseconds since the epoch; replaceable in tests. Internal. */
public interface EpochClock {

  EpochClock SYSTEM = new AnchoredClock();

  long nowMicros();
}
