package io.llmops.observability;

import org.jspecify.annotations.Nullable;

/**
 * An open transaction, ended by {@link #close()}: use it with try-with-resources.
 *
 * <pre>{@code
 * try (Transaction tx = Transactions.transaction("logger_lambda_transaction",
 *     Map.of("component", "transaction_logger"), Map.of("record_count", 3))) {
 *   tx.setOutput(Map.of("lambda_status", lambda.log(records)));
 * }
 * }</pre>
 *
 * <p>Closing ends the transaction with status {@code success}, or {@code error} after {@link
 * #fail}. Without an active trace the handle is inert: {@link #id()} is null and every method
 * does nothing. No method throws.
 *
 * <p>Thread-safe: any thread may set the output, mark it failed or close it; the values set last
 * before the close are recorded.
 */
public final class Transaction implements AutoCloseable {

  private final @Nullable String id;
  private volatile @Nullable Object output;
  private volatile boolean outputSet;
  private volatile String status = Transactions.STATUS_SUCCESS;
  private volatile @Nullable String error;
  private volatile @Nullable Throwable exception;

  Transaction(@Nullable String id) {
    this.id = id;
  }

  /** The transaction id, which is its span's {@code span_id}, or null when nothing is recorded. */
  public @Nullable String id() {
    return id;
  }

  /** False for the inert handle and once the transaction has ended. */
  public boolean isRecording() {
    return id != null && Transactions.isOpen(id);
  }

  /** The value recorded as {@code output_data.output} when the transaction ends; null for none. */
  public Transaction setOutput(@Nullable Object outputData) {
    this.output = outputData;
    this.outputSet = true;
    return this;
  }

  /** Marks the transaction failed with the exception's type, message and stack trace. */
  public Transaction fail(Throwable failure) {
    this.status = Transactions.STATUS_ERROR;
    this.exception = failure;
    return this;
  }

  /** Marks the transaction failed with a message; null fails it without one. */
  public Transaction fail(@Nullable String message) {
    this.status = Transactions.STATUS_ERROR;
    this.error = message;
    return this;
  }

  /** Ends the transaction; idempotent. */
  @Override
  public void close() {
    if (id == null) {
      return;
    }
    Transactions.ending(id).status(status).output(outputSet ? output : null).error(error)
        .exception(exception).end();
  }
}
