package io.llmops.observability.spi;


/**
 * The outcome of a sink operation. Immutable and thread-safe.
 */
public final class ExportResult {

  private static final ExportResult SUCCESS = new ExportResult(true, "");

  private final boolean success;
  private final String reason;

  private ExportResult(boolean success, String reason) {
    this.success = success;
    this.reason = reason;
  }

  /** Success (a shared instance). */
  public static ExportResult success() {
    return SUCCESS;
  }

  /**
   * A failure for {@code reason}, which is logged and must not contain a secret or a message
   * body.
   *
   * @throws IllegalArgumentException when {@code reason} is null
   */
  public static ExportResult failure(String reason) {
    if (reason == null) {
      throw new IllegalArgumentException("reason must not be null");
    }
    return new ExportResult(false, reason);
  }

  public boolean isSuccess() {
    return success;
  }

  /** Why it failed; an empty string (not null) on success. */
  public String reason() {
    return reason;
  }

  @Override
  public String toString() {
    return success ? "ExportResult{success}" : "ExportResult{failure: " + reason + "}";
  }
}
