package io.llmops.observability.processor.service.internal;

import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToIntFunction;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.BatchResultErrorEntry;
import software.amazon.awssdk.services.sqs.model.ChangeMessageVisibilityBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;

/**
 * The service's calls to its queue. Deletes and visibility changes never throw: what fails is
 * counted and logged (message id and SQS error code, never a body), and the message comes back
 * after its visibility timeout. Batches are at most 10 messages, as received.
 */
public final class QueueCalls {

  private static final System.Logger LOG =
      System.getLogger("io.llmops.observability.processor.service");

  private final SqsClient sqs;
  private final String queueUrl;
  private final ServiceCounters counters;

  public QueueCalls(SqsClient sqs, String queueUrl, ServiceCounters counters) {
    this.sqs = sqs;
    this.queueUrl = queueUrl;
    this.counters = counters;
  }

  /** One long poll; throws what the client throws. */
  public List<Message> receive(int maxMessages, Duration wait, Duration visibilityTimeout) {
    return sqs.receiveMessage(b -> b.queueUrl(queueUrl).maxNumberOfMessages(maxMessages)
        .waitTimeSeconds((int) wait.getSeconds())
        .visibilityTimeout((int) visibilityTimeout.getSeconds())
        .messageSystemAttributeNames(MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT))
        .messages();
  }

  /** Deletes {@code messages}; counts {@code deleted} and {@code delete_failed}. */
  public void delete(List<Message> messages) {
    if (messages.isEmpty()) {
      return;
    }
    List<DeleteMessageBatchRequestEntry> entries = new ArrayList<>();
    for (int i = 0; i < messages.size(); i++) {
      entries.add(DeleteMessageBatchRequestEntry.builder().id(Integer.toString(i))
          .receiptHandle(messages.get(i).receiptHandle()).build());
    }
    try {
      var response = sqs.deleteMessageBatch(b -> b.queueUrl(queueUrl).entries(entries));
      counters.add(ServiceCounters.DELETED, response.successful().size());
      failed(response.failed(), messages, ServiceCounters.DELETE_FAILED, "not deleted");
    } catch (RuntimeException e) {
      counters.add(ServiceCounters.DELETE_FAILED, messages.size());
      LOG.log(Level.WARNING, "{0} message(s) not deleted ({1}); they come back after their"
          + " visibility timeout and are processed again", messages.size(), e.getClass().getName());
    }
  }

  /**
   * Sets the visibility timeout of each message to {@code seconds} of it; returns the messages
   * whose change failed (counted {@code visibility_change_failed}, not logged: the caller knows
   * whether that matters).
   */
  public List<Message> changeVisibility(List<Message> messages, ToIntFunction<Message> seconds) {
    if (messages.isEmpty()) {
      return List.of();
    }
    List<ChangeMessageVisibilityBatchRequestEntry> entries = new ArrayList<>();
    for (int i = 0; i < messages.size(); i++) {
      Message message = messages.get(i);
      entries.add(ChangeMessageVisibilityBatchRequestEntry.builder().id(Integer.toString(i))
          .receiptHandle(message.receiptHandle())
          .visibilityTimeout(seconds.applyAsInt(message)).build());
    }
    try {
      var response = sqs.changeMessageVisibilityBatch(b -> b.queueUrl(queueUrl).entries(entries));
      List<Message> failed = new ArrayList<>();
      for (BatchResultErrorEntry error : response.failed()) {
        failed.add(messages.get(Integer.parseInt(error.id())));
      }
      counters.add(ServiceCounters.VISIBILITY_CHANGE_FAILED, failed.size());
      return failed;
    } catch (RuntimeException e) {
      counters.add(ServiceCounters.VISIBILITY_CHANGE_FAILED, messages.size());
      return messages;
    }
  }

  /** Makes {@code messages} visible again at once (visibility 0); counts {@code released}. */
  public void release(List<Message> messages) {
    List<Message> failed = changeVisibility(messages, message -> 0);
    counters.add(ServiceCounters.RELEASED, messages.size() - failed.size());
    if (!failed.isEmpty()) {
      LOG.log(Level.WARNING, "{0} message(s) not released; they come back after their visibility"
          + " timeout", failed.size());
    }
  }

  private void failed(List<BatchResultErrorEntry> errors, List<Message> messages, String counter,
      String what) {
    counters.add(counter, errors.size());
    for (BatchResultErrorEntry error : errors) {
      LOG.log(Level.WARNING, "message {0} {1} ({2}); it comes back after its visibility timeout",
          messages.get(Integer.parseInt(error.id())).messageId(), what, error.code());
    }
  }
}
