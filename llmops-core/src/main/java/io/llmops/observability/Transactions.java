package io.llmops.observability;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * Explicit transaction boundaries: spans of type {@code transaction} with an id the caller
 * holds between start and end (for example a "transaction logger" call made as a child step).
 *
 * <pre>{@code
 * TraceManager.startTrace("transaction_flow");
 * String txId = Transactions.startTransaction("logger_lambda_transaction",
 *     Map.of("component", "transaction_logger"), Map.of("record_count", 3));
 * try {
 *   lambda.log(records);                      // spans recorded here are children of the transaction
 *   Transactions.ending(txId).status("success").output(Map.of("lambda_status", "accepted")).end();
 * } catch (RuntimeException e) {
 *   Transactions.ending(txId).status("error").exception(e).end();
 *   throw e;
 * }
 * }</pre>
 *
 * <p><b>Nesting.</b> A transaction's parent is the span current when it starts. Until it ends it
 * is the current span of the thread that started it, so spans started there (and on threads
 * that carry that context with {@link LlmopsContext#wrap}) become its children. Ending it on the
 * starting thread restores the context from before the start. A transaction may be ended from
 * another thread; the span then ends, but the starting thread keeps it as its current span
 * (further spans there still name it as parent), so prefer ending on the starting thread.
 *
 * <p><b>Ids.</b> The id is the transaction span's {@code span_id}, exactly as the exported trace
 * shows it: a lower-case UUID with dashes, like every span id. {@code endTransaction} also takes
 * it without dashes (the 32 hex characters of the specification's {@code uuid4().hex}) and in
 * any case.
 *
 * <p>No method throws except IllegalArgumentException for a blank name or a null metadata key,
 * where the method says so. Thread-safe: every method may be called from any thread.
 */
public final class Transactions {

  /** Status of a transaction that completed. */
  public static final String STATUS_SUCCESS = "success";
  /** Status of a transaction that failed. */
  public static final String STATUS_ERROR = "error";
  /** Span metadata key holding the status given to {@code endTransaction}. */
  public static final String METADATA_STATUS = "transaction.status";
  /** Error type written when a transaction fails with a message rather than an exception. */
  public static final String ERROR_TYPE = "TransactionError";

  private static final Set<String> FAILED_STATUSES = Set.of("error", "failed", "failure", "fail");

  private Transactions() {}

  /**
   * Starts a transaction without metadata or input; see the three-argument form.
   *
   * @throws IllegalArgumentException when {@code name} is null or blank
   */
  public static @Nullable String startTransaction(String name) {
    return startTransaction(name, null, null);
  }

  /**
   * Starts a transaction under the current span and makes it current on this thread.
   *
   * @param metadata span metadata (may be null)
   * @param inputData recorded as {@code input_data.kwargs} (may be null)
   * @return the transaction id, which is the transaction span's {@code span_id}; null when this
   *     context has no active trace or tracing is off
   * @throws IllegalArgumentException when {@code name} is null or blank, or {@code metadata} or
   *     {@code inputData} has a null key
   */
  public static @Nullable String startTransaction(
      String name, @Nullable Map<String, ?> metadata, @Nullable Map<String, ?> inputData) {
    SpanBuilder builder = Llmops.spanBuilder(name, SpanType.TRANSACTION);
    if (metadata != null) {
      builder.metadata(metadata);
    }
    if (inputData != null) {
      inputData.forEach(builder::input);
    }
    ScopedSpan started = ScopedSpan.start(builder, open());
    if (started == null) {
      return null;
    }
    String id = started.span.spanId();
    open().put(id, started);
    return id;
  }

  /**
   * Ends a transaction with status {@code success}; {@link #ending(String)} sets a status,
   * output or error.
   *
   * @param transactionId the id {@code startTransaction} returned, with or without its dashes
   * @return true if this call ended it; false for null, unknown or already-ended ids
   */
  public static boolean endTransaction(@Nullable String transactionId) {
    return ending(transactionId).end();
  }

  /**
   * Describes how the transaction ends (status, output, error message or exception), applied by
   * {@link TransactionEnding#end()}: the specification's {@code end_transaction} with keyword
   * arguments. A status of {@code error}, {@code failed}, {@code failure} or {@code fail} (any
   * case), or an error, marks the span failed; the status itself is kept in {@code
   * metadata.transaction.status}.
   *
   * @param transactionId the id {@code startTransaction} returned, with or without its dashes
   */
  public static TransactionEnding ending(@Nullable String transactionId) {
    return new TransactionEnding(transactionId);
  }

  /**
   * The ids of transactions started (in this runtime or one it replaced) and not yet ended, on
   * any thread: a transaction still listed long after its work finished is missing its end.
   */
  public static Set<String> openTransactionIds() {
    return Set.copyOf(open().keySet());
  }

  /**
   * Starts a transaction for try-with-resources; see {@link Transaction}.
   *
   * @return the transaction, never null: inert without an active trace
   * @throws IllegalArgumentException when {@code name} is null or blank
   */
  public static Transaction transaction(String name) {
    return transaction(name, null, null);
  }

  /**
   * Starts a transaction for try-with-resources; arguments as for {@link #startTransaction}.
   *
   * @return the transaction, never null: inert without an active trace
   * @throws IllegalArgumentException as {@link #startTransaction(String, Map, Map)}
   */
  public static Transaction transaction(
      String name, @Nullable Map<String, ?> metadata, @Nullable Map<String, ?> inputData) {
    return new Transaction(startTransaction(name, metadata, inputData));
  }

  /**
   * Runs {@code body} inside a transaction: its result is the output, an exception marks the
   * transaction failed and is rethrown unchanged.
   *
   * @throws IllegalArgumentException when {@code name} is null or blank, or {@code body} is null
   */
  public static <T extends @Nullable Object, E extends Throwable> T call(
      String name, ThrowingSupplier<T, E> body) throws E {
    if (body == null) {
      throw new IllegalArgumentException("body must not be null");
    }
    Transaction tx = transaction(name);
    try {
      T result = body.get();
      tx.setOutput(result);
      return result;
    } catch (Throwable failure) {
      tx.fail(failure);
      throw failure;
    } finally {
      tx.close();
    }
  }

  static boolean isOpen(@Nullable String transactionId) {
    return open().containsKey(transactionId);
  }

  /**
   * The id as {@code startTransaction} issued it (lower case, dashed) from any spelling of the
   * same UUID: the 32 hex digits without dashes that the specification's ids have, or upper case.
   */
  private static String issuedForm(String id) {
    String lower = id.toLowerCase(Locale.ROOT);
    if (lower.length() != 32 || lower.indexOf('-') >= 0) {
      return lower;
    }
    return lower.substring(0, 8) + '-' + lower.substring(8, 12) + '-' + lower.substring(12, 16)
        + '-' + lower.substring(16, 20) + '-' + lower.substring(20);
  }

  static boolean end(@Nullable String id, @Nullable String status,
      @Nullable Object outputData, @Nullable String error, @Nullable Throwable exception) {
    ScopedSpan open = id == null ? null : open().remove(issuedForm(id));
    if (open == null) {
      return false;
    }
    boolean errorGiven = error != null || exception != null;
    String effective = status != null ? status : errorGiven ? STATUS_ERROR : STATUS_SUCCESS;
    Span span = open.span;
    span.setMetadata(METADATA_STATUS, effective);
    if (outputData != null) {
      span.setOutput(outputData);
    }
    if (exception != null) {
      span.recordException(exception);
    } else if (error != null || FAILED_STATUSES.contains(effective.toLowerCase(Locale.ROOT))) {
      Engine.get().recordFailure(span, ERROR_TYPE,
          error != null ? error : "transaction ended with status " + effective);
    }
    return open.end();
  }

  /** The open transactions of the running runtime, by id. */
  private static ConcurrentHashMap<String, ScopedSpan> open() {
    return Engine.get().openRegistry("transactions");
  }
}
