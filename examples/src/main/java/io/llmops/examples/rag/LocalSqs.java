package io.llmops.examples.rag;

import io.llmops.observability.processor.service.EmbeddedSqs;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * The demo's SQS server in its own JVM (the processor's {@link EmbeddedSqs}: ElasticMQ on
 * 127.0.0.1 and a dynamic port, one queue) and a consumer for it. Stopped by {@link #close()},
 * so the JVM can exit.
 */
final class LocalSqs implements AutoCloseable {

  private final EmbeddedSqs sqs;

  private LocalSqs(EmbeddedSqs sqs) {
    this.sqs = sqs;
  }

  static LocalSqs start() {
    return new LocalSqs(EmbeddedSqs.start(EmbeddedSqs.DEMO_QUEUE));
  }

  String queueUrl() {
    return sqs.queueUrl();
  }

  /**
   * Receives (and deletes) messages until {@code expected} arrived or {@code patience} passed.
   */
  List<Message> receive(int expected, Duration patience) {
    String queueUrl = sqs.queueUrl();
    List<Message> received = new ArrayList<>();
    long deadline = System.nanoTime() + patience.toNanos();
    while (received.size() < expected && System.nanoTime() - deadline < 0) {
      List<Message> batch = sqs.client().receiveMessage(b -> b.queueUrl(queueUrl)
          .maxNumberOfMessages(10).waitTimeSeconds(1).messageAttributeNames("All")).messages();
      if (batch.isEmpty()) {
        continue;
      }
      received.addAll(batch);
      List<DeleteMessageBatchRequestEntry> deletes = new ArrayList<>();
      for (int i = 0; i < batch.size(); i++) {
        deletes.add(DeleteMessageBatchRequestEntry.builder().id(Integer.toString(i))
            .receiptHandle(batch.get(i).receiptHandle()).build());
      }
      sqs.client().deleteMessageBatch(b -> b.queueUrl(queueUrl).entries(deletes));
    }
    return received;
  }

  @Override
  public void close() {
    sqs.close();
  }
}
