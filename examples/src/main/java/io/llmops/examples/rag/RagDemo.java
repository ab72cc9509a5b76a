package io.llmops.examples.rag;

import io.llmops.observability.Llmops;
import io.llmops.observability.LlmopsConfig;
import io.llmops.observability.LlmopsStats;
import io.llmops.observability.TraceManager;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * The demo that {@code ./llmops demo} runs: one question through a small RAG agent, traced with
 * the programmatic API, printed as a tree and written as SQS message bodies to a file.
 */
public final class RagDemo {

  private RagDemo() {}

  public static void main(String[] args) {
    io.llmops.observability.agent.LlmopsAgent.install();
    LlmopsConfig fromEnvironment = LlmopsConfig.fromEnvironment();
    LlmopsConfig.Builder config = LlmopsConfig.builder();
    if (fromEnvironment.sinkNames().isEmpty()) {
      config.sinks("file", "console");
    }
    Llmops.configure(config.build());

    String question = args.length > 0 ? String.join(" ", args) : "How old is Java?";
    TraceManager.newTrace("rag_demo")
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
    Path dir = Llmops.config().fileSinkDir().toAbsolutePath();
    if (Llmops.config().sinkNames().contains("file")) {
      System.out.println("Trace written as an SQS message body to " + dir + " (one message per line).");
    }
    System.out.println("Delivered: " + delivered + "; spans recorded: " + stats.spansRecorded()
        + "; dropped: " + stats.dropped());
    Llmops.shutdown(Duration.ofSeconds(5));
  }
}
