package io.llmops.observability.processor.service;

import io.llmops.observability.processor.BatchProcessor;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.util.concurrent.CountDownLatch;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * {@code java -jar llmops-processor-lambda.jar} and {@code ./llmops processor}: runs the
 * {@link SqsConsumerService} and its {@link HealthEndpoint} from {@link ProcessorSettings} until
 * the JVM is asked to stop (SIGTERM, Ctrl-C), then shuts down gracefully. Without
 * {@code AWS_SQS_URL}, an SQS server in this JVM (ElasticMQ) provides the queue. Exit status 2:
 * bad settings.
 */
public final class ProcessorMain {

  private ProcessorMain() {}

  public static void main(String[] args) throws InterruptedException {
    PrintStream out = System.out;
    ProcessorSettings settings;
    try {
      settings = ProcessorSettings.fromProcess();
    } catch (IllegalArgumentException e) {
      System.err.println("llmops processor: " + e.getMessage());
      System.exit(2);
      return;
    }
    if (settings.queueUrl() == null && !EmbeddedSqs.available()) {
      System.err.println("llmops processor: set " + ProcessorSettings.QUEUE_URL + "; the embedded"
          + " queue needs ElasticMQ on the class path (./llmops processor has it)");
      System.exit(2);
      return;
    }
    EmbeddedSqs embedded = settings.queueUrl() == null ? EmbeddedSqs.start(EmbeddedSqs.DEMO_QUEUE) : null;
    SqsClient sqs = embedded != null ? embedded.client() : client(settings);
    String queueUrl = embedded != null ? embedded.queueUrl() : settings.queueUrl();
    BatchProcessor processor = ProcessorAssembly.create(settings);
    SqsConsumerService service =
        new SqsConsumerService(sqs, processor, settings.consumerOptions(queueUrl));
    HealthEndpoint health;
    try {
      health = HealthEndpoint.start(service,
          new InetSocketAddress(settings.healthHost(), settings.healthPort()));
    } catch (IOException e) {
      System.err.println("llmops processor: the health endpoint cannot listen on "
          + ProcessorSettings.HEALTH_HOST + ":" + ProcessorSettings.HEALTH_PORT + " ("
          + e.getClass().getSimpleName() + ")");
      System.exit(2);
      return;
    }
    // Before it says it is ready: a stop right after the start then finds the hook in place.
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      service.close();
      health.close();
      // The embedded server is not stopped: its queue ends with this JVM anyway, and stopping it
      // waits for the consumers' open long polls.
      if (embedded == null) {
        sqs.close();
      }
      stopped.countDown();
    }, "llmops-processor-shutdown"));
    service.start();
    out.println("llmops processor: " + settings.consumers() + " consumer(s) on "
        + (embedded != null ? "the in-process SQS queue " : "") + queueUrl);
    String store = settings.bucket() != null ? "s3://" + settings.bucket() + "/"
        : settings.dataDir().resolve("store").toAbsolutePath() + "/";
    out.println("  traces:       " + store + "traces/");
    out.println("  dead letters: " + store + "dead_letters/");
    out.println("  health:       http://" + settings.healthHost() + ":" + health.port() + "/health");
    out.println("  Ctrl-C stops it (batches in progress get "
        + settings.shutdownDeadline().getSeconds() + " s to finish)");

    stopped.await();
  }

  private static SqsClient client(ProcessorSettings settings) {
    var builder = SqsClient.builder().httpClient(UrlConnectionHttpClient.create());
    if (settings.region() != null) {
      builder.region(Region.of(settings.region()));
    }
    return builder.build();
  }
}
