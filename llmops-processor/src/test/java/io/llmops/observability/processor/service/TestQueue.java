package io.llmops.observability.processor.service;

import io.llmops.observability.sqs.ElasticMq;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * A fresh queue on an ElasticMQ server in this JVM (one for all tests: it takes a second or two to
 * start), and the client the service uses.
 */
final class TestQueue implements AutoCloseable {

  private static final ElasticMq SERVER = ElasticMq.start();

  final ElasticMq server = SERVER;
  final String url = server.createQueue("processor-" + UUID.randomUUID());
  final SqsClient client = SqsClient.builder()
      .endpointOverride(URI.create("http://127.0.0.1:" + server.port))
      .region(Region.US_EAST_1)
      .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("x", "x")))
      .httpClient(UrlConnectionHttpClient.create())
      .build();

  void send(String... bodies) {
    for (String body : bodies) {
      client.sendMessage(b -> b.queueUrl(url).messageBody(body));
    }
  }

  /** Messages on the queue, visible or not. */
  long held() {
    return server.messagesHeld(url);
  }

  /** What one receive returns now, leaving it invisible for {@code visibility} (not deleted). */
  List<Message> receiveWithoutDeleting(Duration visibility) {
    return client.receiveMessage(b -> b.queueUrl(url).maxNumberOfMessages(10).waitTimeSeconds(0)
        .visibilityTimeout((int) visibility.getSeconds())).messages();
  }

  /** Options for tests: short polls, a 2 s visibility timeout renewed every 0.5 s. */
  ConsumerOptions options(int consumers) {
    return new ConsumerOptions(url, consumers, Duration.ofSeconds(1), 10, Duration.ofSeconds(2),
        Duration.ofMillis(500), Duration.ZERO, Duration.ofMillis(200), Duration.ofSeconds(5));
  }

  @Override
  public void close() {
    client.deleteQueue(b -> b.queueUrl(url));
    client.close();
  }
}
