package io.llmops.examples.rag;

import io.llmops.observability.Llmops;
import io.llmops.observability.LlmopsConfig;
import io.llmops.observability.LlmopsStats;
import io.llmops.observability.sqs.SqsSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * The demo's SQS part. Unless the user chose sinks ({@code LLMOPS_SINKS}), the trace goes
 * through the SQS sink (and to the console): to {@code AWS_SQS_URL} when set, which the demo
 * never consumes from; otherwise to an ElasticMQ server started in this JVM, from which the demo
 * receives its own message back and decodes it as the specification's consumer would. What the
 * demo leaves on disk goes to {@link DemoState}, never to the working directory.
 */
final class DemoSqs implements AutoCloseable {

  private final LocalSqs localSqs;

  DemoSqs(LocalSqs localSqs) {
    this.localSqs = localSqs;
  }

  /**
   * Starts the in-process server on a thread of its own when the environment leaves the choice
   * to the demo (its start takes a few seconds, which the agent's installation overlaps);
   * otherwise a future of null.
   */
  static CompletableFuture<LocalSqs> startLocalIfWanted(LlmopsConfig fromEnvironment) {
    if (!fromEnvironment.sinkNames().isEmpty() || fromEnvironment.raw(SqsSettings.QUEUE_URL).isPresent()) {
      return CompletableFuture.completedFuture(null);
    }
    CompletableFuture<LocalSqs> started = new CompletableFuture<>();
    Thread starter = new Thread(() -> {
      try {
        started.complete(LocalSqs.start());
      } catch (RuntimeException e) {
        started.completeExceptionally(e);
      }
    }, "demo-elasticmq-start");
    starter.setDaemon(true);
    starter.start();
    return started;
  }

  /** Chooses the sinks on {@code config} from what the environment says and what was started. */
  static DemoSqs configure(LlmopsConfig fromEnvironment, LlmopsConfig.Builder config,
      CompletableFuture<LocalSqs> starting) {
    Path state = DemoState.dir();
    keepUnder(state.resolve("traces"), "LLMOPS_FILE_SINK_DIR", fromEnvironment, config);
    if (!fromEnvironment.sinkNames().isEmpty()) {
      keepUnder(state.resolve("spillover"), SqsSettings.SPILLOVER_DIR, fromEnvironment, config);
      return new DemoSqs(null); // the user's choice
    }
    if (fromEnvironment.raw(SqsSettings.QUEUE_URL).isPresent()) {
      config.sinks("sqs", "console");
      keepUnder(state.resolve("spillover"), SqsSettings.SPILLOVER_DIR, fromEnvironment, config);
      return new DemoSqs(null);
    }
    LocalSqs local;
    try {
      local = starting.join();
    } catch (CompletionException e) {
      System.out.println("Could not start the in-process SQS server (" + e.getCause() + "); writing"
          + " the trace to files instead.");
      config.sinks("file", "console");
      return new DemoSqs(null);
    }
    config.sinks("sqs", "console");
    config.set(SqsSettings.QUEUE_URL, local.queueUrl());
    // Kept apart from the journal of a real queue: what this run leaves is replayed only into
    // the next in-process server, never into a real queue (and the other way round).
    keepUnder(state.resolve("spillover-local"), SqsSettings.SPILLOVER_DIR, fromEnvironment, config);
    return new DemoSqs(local);
  }

  /** Sets {@code setting} to {@code dir} unless the environment sets it. */
  private static void keepUnder(Path dir, String setting, LlmopsConfig fromEnvironment,
      LlmopsConfig.Builder config) {
    if (fromEnvironment.raw(setting).filter(s -> !s.isBlank()).isEmpty()) {
      config.set(setting, dir.toString());
    }
  }

  /**
   * Prints what became of the trace in the SQS sink, from its counters once the flush settled
   * it: delivered to the queue, spilled to the journal (where, and that the next run replays
   * it), or lost; for the in-process server, also what arrived there.
   */
  void report(String traceId, LlmopsStats stats) {
    if (!Llmops.config().sinkNames().contains("sqs")) {
      return;
    }
    String queueUrl = Llmops.config().raw(SqsSettings.QUEUE_URL).orElse("(AWS_SQS_URL not set)");
    System.out.println((localSqs != null ? "In-process SQS (ElasticMQ) queue: " : "SQS queue: ") + queueUrl);
    long sent = stats.get(SqsSettings.COUNTER_SENT);
    long replayed = stats.get(SqsSettings.COUNTER_REPLAYED);
    long spilled = stats.get(SqsSettings.COUNTER_SPILLED);
    long lost = stats.get(SqsSettings.DROPPED_SPILL_FAILED) + stats.get(SqsSettings.DROPPED_REJECTED)
        + stats.get("export_failed.sqs");
    System.out.println("Delivered to SQS: " + sent + " message(s)"
        + (replayed > 0 ? " (+" + replayed + " replayed from the journal of an earlier run)" : ""));
    if (spilled > 0) {
      Path spillDir = Path.of(Llmops.config().raw(SqsSettings.SPILLOVER_DIR).orElse("llmops-spillover"))
          .toAbsolutePath();
      System.out.println("Not delivered, spilled to the journal at " + spillDir + ": " + spilled
          + " message(s); the next run with this journal replays them");
    }
    if (lost > 0) {
      System.out.println("Lost (see the log above): " + lost + " message(s)");
    }
    if (localSqs == null) {
      return; // a real queue belongs to its consumers: the demo never receives from it
    }
    List<Message> messages = localSqs.receive((int) Math.min(10, sent + replayed), Duration.ofSeconds(10));
    System.out.println("Received back from the queue: " + messages.size() + " message(s)");
    for (Message message : messages) {
      ArrivedTrace arrived = ArrivedTrace.decode(message.body());
      System.out.println("  " + (arrived.traceId().equals(traceId) ? "this run's " : "earlier ")
          + arrived.describe());
    }
    DemoProcessor.process(messages, traceId);
  }

  /** Stops the in-process server, if any, so that the JVM can exit. */
  @Override
  public void close() {
    if (localSqs != null) {
      localSqs.close();
    }
  }
}
