package io.llmops.observability.processor.sink;

import java.time.Duration;

/**
 * How {@link SinkFanOut} retries one sink: at most {@code attempts} calls, pausing
 * {@code firstBackoff}, then twice as long each time up to {@code maxBackoff} (or as long as a
 * {@code Retry-After} says), all within {@code sinkDeadline} from the start of the delivery. A sink
 * still busy at its deadline is abandoned (its thread interrupted) and counts as failed, so one
 * delivery takes at most {@code sinkDeadline}, however many sinks hang.
 *
 * @throws IllegalArgumentException naming the field when {@code attempts} is below 1 or a
 *     duration is null, negative, or (the deadline) zero
 */
public record DeliveryPolicy(
    int attempts, Duration firstBackoff, Duration maxBackoff, Duration sinkDeadline) {

  /** Four attempts, 0.5 s doubling up to 5 s, 30 s per sink. */
  public static final DeliveryPolicy DEFAULT = new DeliveryPolicy(
      4, Duration.ofMillis(500), Duration.ofSeconds(5), Duration.ofSeconds(30));

  public DeliveryPolicy {
    if (attempts < 1) {
      throw new IllegalArgumentException("attempts must be at least 1");
    }
    requireNotNegative(firstBackoff, "firstBackoff");
    requireNotNegative(maxBackoff, "maxBackoff");
    requireNotNegative(sinkDeadline, "sinkDeadline");
    if (sinkDeadline.isZero()) {
      throw new IllegalArgumentException("sinkDeadline must be positive");
    }
  }

  /** The pause before retry number {@code retry} (1 for the first retry). */
  Duration backoff(int retry) {
    Duration pause = firstBackoff;
    for (int i = 1; i < retry && pause.compareTo(maxBackoff) < 0; i++) {
      pause = pause.multipliedBy(2);
    }
    return pause.compareTo(maxBackoff) > 0 ? maxBackoff : pause;
  }

  private static void requireNotNegative(Duration value, String field) {
    if (value == null || value.isNegative()) {
      throw new IllegalArgumentException(field + " must be a duration of zero or more");
    }
  }
}
