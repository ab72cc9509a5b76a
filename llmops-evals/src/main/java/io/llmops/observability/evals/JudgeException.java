package io.llmops.observability.evals;

/**
 * A judge could not decide: the backend failed (an HTTP error, a timeout) or its answer could not
 * be read as a verdict. Recorded as a failed evaluation; never thrown to the application.
 */
public class JudgeException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** A short, stable reason: {@code backend_error}, {@code unreadable_answer}, {@code timeout}. */
  private final String reason;

  public JudgeException(String reason, String message) {
    super(message);
    this.reason = reason;
  }

  public JudgeException(String reason, String message, Throwable cause) {
    super(message, cause);
    this.reason = reason;
  }

  public String reason() {
    return reason;
  }
}
