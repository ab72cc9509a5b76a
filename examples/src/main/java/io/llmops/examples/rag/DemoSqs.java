package io.llmops.examples.rag;

import io.llmops.observability.Llmops;
import io.llmops.observability.LlmopsConfig;
import io.llmops.observability.LlmopsStats;
import io.llmops.observability.sqs.SqsSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * The demo's SQS part. Unless the user chose sinks ({@code LLMOPS_SINKS}), the trace goes
 * through the SQS sink (and to the console): to {@code AWS_SQS_URL} when set, which the demo
 * never consumes from; otherwise to an ElasticMQ server started in this JVM, from which the demo
 * receives its own message back and decodes it as the specification's consumer would.
 */
final class DemoSqs implements AutoCloseable {

  /** Where the in-process SQS run keeps its journal unless LLMOPS_SPILLOVER_DIR says otherwise. */
  static final String LOCAL_SPILLOVER_DIR = "llmops-spillover-local";

  private final LocalSqs localSqs;

  DemoSqs(LocalSqs localSqs) {
    this.localSqs = localSqs;
  }

  /** Chooses the sinks on {@code config} from what the environment says; may start ElasticMQ. */
  static DemoSqs configure(LlmopsConfig fromEnvironment, LlmopsConfig.Builder config) {
    if (!fromEnvironment.sinkNames().isEmpty()) {
      return new DemoSqs(null); // the user's choice
    }
    if (fromEnvironment.raw(SqsSettings.QUEUE_URL).isPresent()) {
      config.sinks("sqs", "console");
      return new DemoSqs(null);
    }
    LocalSqs local;
    try {
      local = LocalSqs.start();
    } catch (RuntimeException e) {
      System.out.println("Could not start the in-process SQS server (" + e + "); writing the trace"
          + " to files instead.");
      config.sinks("file", "console");
      return new DemoSqs(null);
    }
    config.sinks("sqs", "console");
    config.set(SqsSettings.QUEUE_URL, local.queueUrl());
    if (fromEnvironment.raw(SqsSettings.SPILLOVER_DIR).filter(s -> !s.isBlank()).isEmpty()) {
      // Kept apart from the journal of a real queue: what this run leaves is replayed only into
      // the next in-process server, never into a real queue (and the other way round).
      config.set(SqsSettings.SPILLOVER_DIR, LOCAL_SPILLOVER_DIR);
    }
    return new DemoSqs(local);
  }

  /** Prints what the SQS sink did and, for the in-process server, what arrived there. */
  void report(String traceId, LlmopsStats stats) {
    if (!Llmops.config().sinkNames().contains("sqs")) {
      return;
    }
    String queueUrl = Llmops.config().raw(SqsSettings.QUEUE_URL).orElse("(AWS_SQS_URL not set)");
    Path spillDir = Path.of(Llmops.config().raw(SqsSettings.SPILLOVER_DIR).filter(s -> !s.isBlank())
        .orElse("llmops-spillover")).toAbsolutePath();
    System.out.println((localSqs != null ? "In-process SQS (ElasticMQ) queue: " : "SQS queue: ") + queueUrl);
    System.out.println("SQS messages sent: " + stats.get(SqsSettings.COUNTER_SENT)
        + (stats.get(SqsSettings.COUNTER_REPLAYED) > 0
            ? " (+" + stats.get(SqsSettings.COUNTER_REPLAYED) + " replayed from an earlier run)" : "")
        + "; spilled to disk: " + stats.get(SqsSettings.COUNTER_SPILLED));
    System.out.println("Spillover journal: " + spillDir
        + " (replayed by the next run from this directory; " + SqsSettings.SPILLOVER_DIR + " moves it)");
    if (localSqs == null) {
      return; // a real queue belongs to its consumers: the demo never receives from it
    }
    List<Message> messages = localSqs.receive(1, Duration.ofSeconds(10));
    System.out.println("Received back from the queue: " + messages.size() + " message(s)");
    for (Message message : messages) {
      ArrivedTrace arrived = ArrivedTrace.decode(message.body());
      System.out.println("  " + (arrived.traceId().equals(traceId) ? "this run's " : "earlier ")
          + arrived.describe());
    }
  }

  /** Stops the in-process server, if any, so that the JVM can exit. */
  @Override
  public void close() {
    if (localSqs != null) {
      localSqs.close();
    }
  }
}
