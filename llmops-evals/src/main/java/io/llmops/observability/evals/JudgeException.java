package io.llmops.observability.evals;

import org.jspecify.annotations.Nullable;

/**
 * A judge could not decide: the backend failed (an HTTP error, a timeout) or its answer could not
 * be read as a verdict. Recorded as a failed evaluation; never thrown to the application. A
 * {@link Judge} or {@link ChatModel} completes its future with one.
 */
public class JudgeException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** A short, stable reason: {@code backend_error}, {@code unreadable_answer}, {@code timeout}. */
  private final String reason;

  /** A failure for a short, stable {@code reason}, with a message that names no secret. */
  public JudgeException(String reason, String message) {
    super(message);
    this.reason = reason;
  }

  /** As the two-argument form, with the failure that caused it. */
  public JudgeException(String reason, String message, @Nullable Throwable cause) {
    super(message, cause);
    this.reason = reason;
  }

  /** The short, stable reason given at construction. */
  public String reason() {
    return reason;
  }
}
