package io.llmops.observability.processor.service;

import java.net.URI;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.elasticmq.rest.sqs.SQSRestServer;
import org.elasticmq.rest.sqs.SQSRestServerBuilder;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * An SQS server (ElasticMQ) inside this JVM on 127.0.0.1 and a dynamic port, with one queue and a
 * client for it: the embedded default of {@code ./llmops processor} and the demo's queue. Needs
 * {@code org.elasticmq:elasticmq-rest-sqs_2.13} on the class path (an optional dependency of this
 * module, left out of the deployable jar). {@link #close()} stops it, so the JVM can exit.
 */
public final class EmbeddedSqs implements AutoCloseable {

  /** The queue the demo and {@code ./llmops processor} share by default. */
  public static final String DEMO_QUEUE = "llmops-demo";

  /**
   * ElasticMQ and Pekko log at INFO what the caller prints in its own words (the server started,
   * the queue created); warnings still show. Held here: java.util.logging keeps loggers weakly.
   */
  private static final Logger[] QUIETED = {quieted("org.elasticmq"), quieted("org.apache.pekko")};

  private final SQSRestServer server;
  private final SqsClient client;
  private final String queueUrl;

  private EmbeddedSqs(SQSRestServer server, int port, String queueName) {
    this.server = server;
    this.client = SqsClient.builder()
        .endpointOverride(URI.create("http://127.0.0.1:" + port))
        .region(Region.US_EAST_1)
        // ElasticMQ accepts any credentials; fixed ones keep the machine's own out of it
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
        .httpClient(UrlConnectionHttpClient.create())
        .build();
    this.queueUrl = client.createQueue(b -> b.queueName(queueName)).queueUrl();
  }

  /** Starts a server with the queue {@code queueName} (about a second). */
  public static EmbeddedSqs start(String queueName) {
    if (queueName == null || queueName.isBlank()) {
      throw new IllegalArgumentException("queueName must not be blank");
    }
    SQSRestServer server = SQSRestServerBuilder.withInterface("127.0.0.1").withDynamicPort().start();
    try {
      return new EmbeddedSqs(server, server.waitUntilStarted().localAddress().getPort(), queueName);
    } catch (RuntimeException e) {
      server.stopAndWait();
      throw e;
    }
  }

  private static Logger quieted(String name) {
    Logger logger = Logger.getLogger(name);
    logger.setLevel(Level.WARNING);
    return logger;
  }

  /** Whether ElasticMQ is on the class path. */
  public static boolean available() {
    try {
      Class.forName("org.elasticmq.rest.sqs.SQSRestServerBuilder", false,
          EmbeddedSqs.class.getClassLoader());
      return true;
    } catch (ClassNotFoundException | LinkageError e) {
      return false;
    }
  }

  public String queueUrl() {
    return queueUrl;
  }

  /** A client of the queue, closed with this server. */
  public SqsClient client() {
    return client;
  }

  @Override
  public void close() {
    client.close();
    server.stopAndWait();
  }
}
