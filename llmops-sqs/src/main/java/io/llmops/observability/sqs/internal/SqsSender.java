package io.llmops.observability.sqs.internal;

import io.llmops.observability.export.SinkMetrics;
import io.llmops.observability.sqs.SqsSettings;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.sqs.model.BatchResultErrorEntry;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequest;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchResponse;

/**
 * Sends one SendMessageBatch request and sorts its entries into sent, worth retrying, and
 * rejected for good. Never throws; never waits longer than the timeout it is given. Internal.
 */
final class SqsSender {

  /** Error codes no retry can fix when they concern the whole request (queue, credentials). */
  private static final Set<String> PERMANENT_REQUEST_CODES = Set.of(
      "queuedoesnotexist", "aws.simplequeueservice.nonexistentqueue", "accessdenied",
      "accessdeniedexception", "invalidclienttokenid", "unrecognizedclientexception",
      "invalidaddress", "invalidsecurity", "kms.accessdeniedexception", "kms.disabledexception",
      "kms.notfoundexception", "batchrequesttoolong", "aws.simplequeueservice.batchrequesttoolong",
      "invalidparametervalue");

  /**
   * The outcome of one request. {@code error} describes the failure of the rest, if any;
   * {@code wholeRequest} is true when the request itself failed (queue, credentials, network)
   * rather than individual entries; {@code mayHaveArrived} is true when it failed without an
   * answer after it may have been written (a timeout, a connection broken while waiting, a
   * server error): SQS may then have the entries after all.
   */
  record Outcome(List<Entry> sent, List<Entry> retryable, List<Entry> rejected, String error,
      boolean wholeRequest, boolean mayHaveArrived) {

    /** The entries whose attempt failed for certain: SQS does not have them. */
    List<Entry> certainlyNotSent() {
      if (mayHaveArrived) {
        return rejected;
      }
      List<Entry> failed = new ArrayList<>(retryable);
      failed.addAll(rejected);
      return failed;
    }
  }

  private final LazyClient client;
  private final String queueUrl;
  private final boolean fifo;
  private final SinkMetrics metrics;

  SqsSender(LazyClient client, String queueUrl, boolean fifo, SinkMetrics metrics) {
    this.client = client;
    this.queueUrl = queueUrl;
    this.fifo = fifo;
    this.metrics = metrics;
  }

  Outcome send(List<Entry> batch, Duration timeout) {
    metrics.increment(SqsSettings.COUNTER_REQUESTS);
    List<SendMessageBatchRequestEntry> requestEntries = new ArrayList<>(batch.size());
    for (int i = 0; i < batch.size(); i++) {
      requestEntries.add(toRequestEntry(Integer.toString(i), batch.get(i)));
    }
    SendMessageBatchRequest request =
        SendMessageBatchRequest.builder().queueUrl(queueUrl).entries(requestEntries).build();
    CompletableFuture<SendMessageBatchResponse> future;
    SendMessageBatchResponse response;
    try {
      future = client.get().sendMessageBatch(request);
    } catch (RuntimeException e) {
      return wholeBatch(batch, e, false);
    }
    try {
      response = future.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
    } catch (InterruptedException e) {
      future.cancel(true);
      Thread.currentThread().interrupt();
      return new Outcome(List.of(), List.copyOf(batch), List.of(), "interrupted", true, true);
    } catch (TimeoutException e) {
      future.cancel(true);
      return new Outcome(List.of(), List.copyOf(batch), List.of(),
          "no answer within " + timeout.toMillis() + " ms", true, true);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause() != null ? e.getCause() : e;
      return wholeBatch(batch, cause, mayHaveArrived(cause));
    }
    List<Entry> sent = new ArrayList<>(batch.size());
    List<Entry> retryable = new ArrayList<>();
    List<Entry> rejected = new ArrayList<>();
    String error = null;
    response.successful().forEach(ok -> sent.add(batch.get(Integer.parseInt(ok.id()))));
    for (BatchResultErrorEntry failed : response.failed()) {
      Entry entry = batch.get(Integer.parseInt(failed.id()));
      String code = String.valueOf(failed.code());
      boolean retry = !Boolean.TRUE.equals(failed.senderFault())
          || code.toLowerCase(Locale.ROOT).contains("throttl");
      (retry ? retryable : rejected).add(entry);
      error = code + ": " + failed.message();
    }
    return new Outcome(sent, retryable, rejected, error, false, false);
  }

  private SendMessageBatchRequestEntry toRequestEntry(String id, Entry entry) {
    SendMessageBatchRequestEntry.Builder b =
        SendMessageBatchRequestEntry.builder().id(id).messageBody(entry.body);
    if (entry.attributesFit()) {
      b.messageAttributes(Map.of(
          Entry.ATTR_TRACE_ID, stringAttribute(entry.traceId),
          Entry.ATTR_TYPE, stringAttribute(entry.type)));
    }
    if (fifo) {
      b.messageGroupId(entry.traceId.isEmpty() ? "llmops" : entry.traceId);
      if (!entry.idempotencyKey.isEmpty()) {
        b.messageDeduplicationId(entry.idempotencyKey);
      }
    }
    return b.build();
  }

  private static MessageAttributeValue stringAttribute(String value) {
    return MessageAttributeValue.builder().dataType("String").stringValue(value).build();
  }

  private static Outcome wholeBatch(List<Entry> batch, Throwable error, boolean mayHaveArrived) {
    String description = describe(error);
    return isPermanent(error)
        ? new Outcome(List.of(), List.of(), List.copyOf(batch), description, true, false)
        : new Outcome(List.of(), List.copyOf(batch), List.of(), description, true, mayHaveArrived);
  }

  /**
   * Whether a request that failed without a usable answer may still have reached SQS: yes,
   * unless the connection was never made (refused, unknown host, no route, no pooled connection
   * in time) or SQS answered with a client error; a server error (5xx) may follow a send.
   */
  static boolean mayHaveArrived(Throwable error) {
    if (error instanceof AwsServiceException service) {
      return service.statusCode() >= 500;
    }
    for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof ConnectException || t instanceof UnknownHostException
          || t instanceof NoRouteToHostException) {
        return false;
      }
      if (t.getMessage() != null && t.getMessage().contains("Acquire operation took longer")) {
        return false;
      }
    }
    return true;
  }

  /** Whether a whole-request failure is one that retrying cannot fix. */
  static boolean isPermanent(Throwable error) {
    if (error instanceof AwsServiceException service) {
      String code = service.awsErrorDetails() == null ? null : service.awsErrorDetails().errorCode();
      if (code != null && PERMANENT_REQUEST_CODES.contains(code.toLowerCase(Locale.ROOT))) {
        return true;
      }
      int status = service.statusCode();
      return status == 403 || (status == 400 && !service.isThrottlingException()
          && code != null && code.toLowerCase(Locale.ROOT).contains("nonexistentqueue"));
    }
    return false;
  }

  static String describe(Throwable error) {
    if (error instanceof AwsServiceException service && service.awsErrorDetails() != null) {
      return service.awsErrorDetails().errorCode() + " (HTTP " + service.statusCode() + "): "
          + service.awsErrorDetails().errorMessage();
    }
    Throwable root = error;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return error.getClass().getSimpleName() + ": " + error.getMessage()
        + (root != error ? " (" + root.getClass().getSimpleName() + ": " + root.getMessage() + ")" : "");
  }
}
