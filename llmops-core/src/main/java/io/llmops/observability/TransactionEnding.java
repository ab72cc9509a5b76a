package io.llmops.observability;

import org.jspecify.annotations.Nullable;

/**
 * The end of a transaction, described field by field and applied with {@link #end()}: the Java
 * form of the specification's {@code end_transaction} keyword arguments. Obtain one from {@link
 * Transactions#ending(String)}.
 *
 * <pre>{@code
 * Transactions.ending(txId).status("success").output(Map.of("lambda_status", "accepted")).end();
 * Transactions.ending(txId).status("error").error(e.toString()).end();   // a message
 * Transactions.ending(txId).exception(e).end();                          // type, message, stack
 * }</pre>
 *
 * <p>Every field is optional; null means absent. Nothing happens until {@link #end()}, which
 * never throws. Not thread-safe: describe the ending on one thread (any thread may end it).
 */
public final class TransactionEnding {

  private final @Nullable String transactionId;
  private @Nullable String status;
  private @Nullable Object output;
  private boolean outputSet;
  private @Nullable String error;
  private @Nullable Throwable exception;

  TransactionEnding(@Nullable String transactionId) {
    this.transactionId = transactionId;
  }

  /**
   * The status, kept in {@code metadata.transaction.status}; {@code error}, {@code failed},
   * {@code failure} or {@code fail} (any case) marks the span failed. Absent: {@code error} when
   * an error or exception is given, else {@code success}.
   */
  public TransactionEnding status(@Nullable String value) {
    status = value;
    return this;
  }

  /** Recorded as {@code output_data.output}. */
  public TransactionEnding output(@Nullable Object value) {
    output = value;
    outputSet = value != null;
    return this;
  }

  /** Marks the span failed with {@code error: "TransactionError: <message>"}. */
  public TransactionEnding error(@Nullable String message) {
    error = message;
    return this;
  }

  /**
   * Marks the span failed with the exception's type, message and stack trace; wins over {@link
   * #error(String)}. The exception itself is left untouched.
   */
  public TransactionEnding exception(@Nullable Throwable failure) {
    exception = failure;
    return this;
  }

  /**
   * Ends the transaction. Never throws.
   *
   * @return true if this call ended it; false for a null, unknown or already-ended id (the id
   *     {@code startTransaction} returns is null when tracing is off: ending it is harmless)
   */
  public boolean end() {
    return Transactions.end(transactionId, status, outputSet ? output : null, error, exception);
  }
}
