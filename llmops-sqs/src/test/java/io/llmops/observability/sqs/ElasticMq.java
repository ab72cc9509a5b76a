package io.llmops.observability.sqs;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.elasticmq.rest.sqs.SQSRestServer;
import org.elasticmq.rest.sqs.SQSRestServerBuilder;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsAsyncClient;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/** A real SQS server (ElasticMQ) on 127.0.0.1, started in this JVM, and a consumer for it. */
public final class ElasticMq implements AutoCloseable {

  private final SQSRestServer server;
  public final int port;
  private final SqsAsyncClient client;

  private ElasticMq(SQSRestServer server, int port) {
    this.server = server;
    this.port = port;
    this.client = SqsAsyncClient.builder()
        .endpointOverride(URI.create("http://127.0.0.1:" + port))
        .region(Region.US_EAST_1)
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("x", "x")))
        .build();
  }

  public static ElasticMq start() {
    SQSRestServer server = SQSRestServerBuilder.withInterface("127.0.0.1").withDynamicPort().start();
    return new ElasticMq(server, server.waitUntilStarted().localAddress().getPort());
  }

  static ElasticMq startOn(int port) {
    SQSRestServer server = SQSRestServerBuilder.withInterface("127.0.0.1").withPort(port).start();
    server.waitUntilStarted();
    return new ElasticMq(server, port);
  }

  /** Creates a queue and returns its URL. */
  public String createQueue(String name) {
    Map<QueueAttributeName, String> attributes = name.endsWith(".fifo")
        ? Map.of(QueueAttributeName.FIFO_QUEUE, "true") : Map.of();
    client.createQueue(b -> b.queueName(name).attributes(attributes)).join();
    return queueUrl(port, name);
  }

  static String queueUrl(int port, String name) {
    return "http://127.0.0.1:" + port + "/000000000000/" + name;
  }

  /** Receives (and deletes) up to what is available within {@code wait}. */
  List<Message> receive(String queueUrl, Duration wait) {
    List<Message> received = new ArrayList<>();
    long deadline = System.nanoTime() + wait.toNanos();
    while (System.nanoTime() < deadline) {
      List<Message> batch = client.receiveMessage(b -> b.queueUrl(queueUrl).maxNumberOfMessages(10)
          .waitTimeSeconds(1).messageAttributeNames("All")).join().messages();
      if (batch.isEmpty()) {
        if (!received.isEmpty()) {
          break;
        }
        continue;
      }
      received.addAll(batch);
      List<DeleteMessageBatchRequestEntry> deletes = new ArrayList<>();
      for (int i = 0; i < batch.size(); i++) {
        deletes.add(DeleteMessageBatchRequestEntry.builder().id(Integer.toString(i))
            .receiptHandle(batch.get(i).receiptHandle()).build());
      }
      client.deleteMessageBatch(b -> b.queueUrl(queueUrl).entries(deletes)).join();
    }
    return received;
  }

  /** How many messages the queue holds (visible or not), as ElasticMQ counts them. */
  public long messagesHeld(String queueUrl) {
    Map<QueueAttributeName, String> attributes = client.getQueueAttributes(b -> b.queueUrl(queueUrl)
        .attributeNames(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES,
            QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE)).join().attributes();
    return Long.parseLong(attributes.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES))
        + Long.parseLong(attributes.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE));
  }

  /** One receive that also asks for the FIFO system attributes; deletes what it got. */
  List<Message> receiveWithSystemAttributes(String queueUrl) {
    List<Message> batch = client.receiveMessage(b -> b.queueUrl(queueUrl).maxNumberOfMessages(10)
        .waitTimeSeconds(1).messageSystemAttributeNamesWithStrings("All")).join().messages();
    for (Message m : batch) {
      client.deleteMessage(b -> b.queueUrl(queueUrl).receiptHandle(m.receiptHandle())).join();
    }
    return batch;
  }

  @Override
  public void close() {
    client.close();
    server.stopAndWait();
  }
}
