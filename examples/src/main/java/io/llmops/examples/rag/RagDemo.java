package io.llmops.examples.rag;

import io.llmops.observability.Llmops;
import io.llmops.observability.LlmopsConfig;
import io.llmops.observability.LlmopsStats;
import io.llmops.observability.TraceManager;
import io.llmops.observability.sqs.SqsSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * The demo that {@code ./llmops demo} runs: one question through a small RAG agent, traced with
 * the programmatic API and printed as a tree. Where the trace goes:
 * <ul>
 *   <li>nothing configured: to an SQS server started in this JVM (ElasticMQ on 127.0.0.1); the
 *       demo then receives its own message back and decodes it as a consumer would;
 *   <li>{@code AWS_SQS_URL} set: to that queue, which the demo never consumes from;
 *   <li>{@code LLMOPS_SINKS} set: to the sinks named there, as configured.
 * </ul>
 */
public final class RagDemo {

  /** Where the in-process SQS run keeps its journal unless LLMOPS_SPILLOVER_DIR says otherwise. */
  static final String LOCAL_SPILLOVER_DIR = "llmops-spillover-local";

  private RagDemo() {}

  public static void main(String[] args) {
    LlmopsConfig fromEnvironment = LlmopsConfig.fromEnvironment();
    LlmopsConfig.Builder config = LlmopsConfig.builder();
    LocalSqs localSqs = null;
    if (fromEnvironment.sinkNames().isEmpty()) {
      config.sinks("sqs", "console");
      if (fromEnvironment.sqsUrl().isEmpty()) {
        localSqs = LocalSqs.start();
        config.sqsUrl(localSqs.queueUrl());
        if (fromEnvironment.raw(SqsSettings.SPILLOVER_DIR).filter(s -> !s.isBlank()).isEmpty()) {
          // Kept apart from the journal of a real queue: what this run leaves is replayed only
          // into the next in-process server, never into a real queue (and the other way round).
          config.set(SqsSettings.SPILLOVER_DIR, LOCAL_SPILLOVER_DIR);
        }
      }
    }
    try {
      run(args, config.build(), localSqs);
    } finally {
      Llmops.shutdown(Duration.ofSeconds(5));
      if (localSqs != null) {
        localSqs.close();
      }
    }
  }

  static void run(String[] args, LlmopsConfig config, LocalSqs localSqs) {
    Llmops.configure(config);

    String question = args.length > 0 ? String.join(" ", args) : "How old is Java?";
    String traceId = TraceManager.newTrace("rag_demo")
        .userId("demo_user")
        .sessionId("demo_session")
        .metadata("app_version", "1.0.0")
        .tags("demo", "rag")
        .start();
    String answer = new RagAgent().answer(question);
    TraceManager.finalizeAndSend(Map.of("user_msg", question), Map.of("bot_response", answer));

    boolean delivered = Llmops.flush(Duration.ofSeconds(10)); // the console sink prints the tree
    System.out.println("Question: " + question);
    System.out.println("Answer:   " + answer);
    LlmopsStats stats = Llmops.stats();
    List<String> sinks = Llmops.config().sinkNames();
    if (sinks.contains("file")) {
      Path dir = Llmops.config().fileSinkDir().toAbsolutePath();
      System.out.println("Trace written as an SQS message body to " + dir + " (one message per line).");
    }
    if (sinks.contains("sqs")) {
      reportSqs(traceId, stats, localSqs);
    }
    System.out.println("Delivered: " + delivered + "; spans recorded: " + stats.spansRecorded()
        + "; dropped: " + stats.dropped());
  }

  private static void reportSqs(String traceId, LlmopsStats stats, LocalSqs localSqs) {
    String queueUrl = Llmops.config().sqsUrl().orElse("(AWS_SQS_URL not set)");
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
}
