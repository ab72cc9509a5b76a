package io.llmops.observability.export;

import org.jspecify.annotations.Nullable;

/**
 * The outcome of a sink operation. Immutable and thread-safe.
 */
public final class ExportResult {

  private static final ExportResult SUCCESS = new ExportResult(true, null);

  private final boolean success;
  private final @Nullable String reason;

  private ExportResult(boolean success, @Nullable String reason) {
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

  /** Why it failed; null on success (an absent value is null, as everywhere in the API). */
  public @Nullable String reason() {
    return reason;
  }

  @Override
  public String toString() {
    return success ? "ExportResult{success}" : "ExportResult{failure: " + reason + "}";
  }
}
