package io.llmops.examples.rag;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.elasticmq.rest.sqs.SQSRestServer;
import org.elasticmq.rest.sqs.SQSRestServerBuilder;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * An SQS server (ElasticMQ) running inside the demo's JVM on 127.0.0.1 and a dynamic port, with
 * one queue, and a consumer for it (the AWS SDK's synchronous client). Stopped by
 * {@link #close()}, so the JVM can exit.
 */
final class LocalSqs implements AutoCloseable {

  static final String QUEUE_NAME = "llmops-demo";

  private final SQSRestServer server;
  private final SqsClient client;
  private final String queueUrl;

  private LocalSqs(SQSRestServer server, int port) {
    this.server = server;
    this.client = SqsClient.builder()
        .endpointOverride(URI.create("http://127.0.0.1:" + port))
        .region(Region.US_EAST_1)
        // ElasticMQ accepts any credentials; fixed ones keep the machine's own out of the demo
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("demo", "demo")))
        .build();
    this.queueUrl = client.createQueue(b -> b.queueName(QUEUE_NAME)).queueUrl();
  }

  static LocalSqs start() {
    SQSRestServer server = SQSRestServerBuilder.withInterface("127.0.0.1").withDynamicPort().start();
    try {
      return new LocalSqs(server, server.waitUntilStarted().localAddress().getPort());
    } catch (RuntimeException e) {
      server.stopAndWait();
      throw e;
    }
  }

  String queueUrl() {
    return queueUrl;
  }

  /**
   * Receives (and deletes) messages until {@code expected} arrived or {@code patience} passed.
   */
  List<Message> receive(int expected, Duration patience) {
    List<Message> received = new ArrayList<>();
    long deadline = System.nanoTime() + patience.toNanos();
    while (received.size() < expected && System.nanoTime() - deadline < 0) {
      List<Message> batch = client.receiveMessage(b -> b.queueUrl(queueUrl).maxNumberOfMessages(10)
          .waitTimeSeconds(1).messageAttributeNames("All")).messages();
      if (batch.isEmpty()) {
        continue;
      }
      received.addAll(batch);
      List<DeleteMessageBatchRequestEntry> deletes = new ArrayList<>();
      for (int i = 0; i < batch.size(); i++) {
        deletes.add(DeleteMessageBatchRequestEntry.builder().id(Integer.toString(i))
            .receiptHandle(batch.get(i).receiptHandle()).build());
      }
      client.deleteMessageBatch(b -> b.queueUrl(queueUrl).entries(deletes));
    }
    return received;
  }

  @Override
  public void close() {
    client.close();
    server.stopAndWait();
  }
}
