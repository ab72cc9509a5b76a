package io.llmops.observability.processor.sink;

import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * Why a {@link io.llmops.observability.processor.TraceSink} did not take an export, and whether
 * {@link SinkFanOut} should try again now. Its message is the sink's own words: it names the sink
 * and the cause (an HTTP status, the setting to fix), never trace content or a secret, since it is
 * logged.
 */
public final class SinkFailure extends Exception {

  private static final long serialVersionUID = 1L;

  private final boolean retryable;
  private final transient @Nullable Duration retryAfter;

  private SinkFailure(String message, boolean retryable, @Nullable Duration retryAfter) {
    super(message, null, false, false);
    this.retryable = retryable;
    this.retryAfter = retryAfter;
  }

  /**
   * A failure worth another attempt now (a 429, a 5xx, no answer), after at least
   * {@code retryAfter} when the destination said so (null: the fan-out's backoff).
   */
  public static SinkFailure retryable(String message, @Nullable Duration retryAfter) {
    return new SinkFailure(message, true, retryAfter);
  }

  /**
   * A failure another attempt now would repeat: the destination refused the export (a 4xx other
   * than 429), or the sink already spent its own retries. The export stays undelivered to this
   * sink; its next delivery (the message back from the queue) tries again.
   */
  public static SinkFailure notNow(String message) {
    return new SinkFailure(message, false, null);
  }

  public boolean retryable() {
    return retryable;
  }

  /** The pause the destination asked for, or null. */
  public @Nullable Duration retryAfter() {
    return retryAfter;
  }
}
