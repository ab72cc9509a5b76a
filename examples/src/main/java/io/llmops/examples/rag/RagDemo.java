package io.llmops.examples.rag;

import io.llmops.observability.Llmops;
import io.llmops.observability.LlmopsConfig;
import io.llmops.observability.LlmopsStats;
import io.llmops.observability.TraceManager;
import io.llmops.observability.agent.LlmopsAgent;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * The demo that {@code ./llmops demo} runs: one question through a small RAG agent whose methods
 * carry {@code @Track*} annotations (woven by the agent installed first thing), printed as a tree and sent through the SQS sink: to an SQS server started
 * in this JVM, received back and decoded, or to {@code AWS_SQS_URL} when set (see
 * {@link DemoSqs}). {@code LLMOPS_SINKS} overrides the choice.
 */
public final class RagDemo {

  private RagDemo() {}

  public static void main(String[] args) {
    LlmopsConfig fromEnvironment = LlmopsConfig.fromEnvironment();
    CompletableFuture<LocalSqs> starting = DemoSqs.startLocalIfWanted(fromEnvironment);
    LlmopsAgent.install(); // meanwhile the in-process SQS server starts
    LlmopsConfig.Builder config = LlmopsConfig.builder();
    try (DemoSqs sqs = DemoSqs.configure(fromEnvironment, config, starting)) {
      try {
        run(args, config.build(), sqs);
      } finally {
        Llmops.shutdown(Duration.ofSeconds(5)); // before the in-process server stops
      }
    }
  }

  static void run(String[] args, LlmopsConfig config, DemoSqs sqs) {
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

    boolean settled = Llmops.flush(Duration.ofSeconds(10)); // the console sink prints the tree
    System.out.println("Question: " + question);
    System.out.println("Answer:   " + answer);
    LlmopsStats stats = Llmops.stats();
    if (stats.get("handed_off.file") > 0) {
      System.out.println("Trace written as an SQS message body to "
          + Llmops.config().fileSinkDir().toAbsolutePath() + " (one message per line).");
    }
    sqs.report(traceId, stats);
    if (!settled) {
      System.out.println("The sinks had not settled the trace after 10 s; the counters above may"
          + " still change (" + stats + ")");
    }
    System.out.println("Spans recorded: " + stats.spansRecorded() + "; dropped: " + stats.dropped());
  }
}
