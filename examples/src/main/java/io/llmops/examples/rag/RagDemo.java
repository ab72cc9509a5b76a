package io.llmops.examples.rag;

import io.llmops.examples.otlp.DemoOtlp;
import io.llmops.observability.Evaluation;
import io.llmops.observability.Llmops;
import io.llmops.observability.LlmopsConfig;
import io.llmops.observability.LlmopsStats;
import io.llmops.observability.TraceManager;
import io.llmops.observability.agent.LlmopsAgent;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * The demo that {@code ./llmops demo} runs: one question through a small RAG agent whose methods
 * carry {@code @Track*} annotations (woven by the agent installed first thing), after a call to a
 * second, in-process service (whose part arrives as a child segment of the same trace), printed as
 * trees and sent through the SQS sink: to an SQS server started
 * in this JVM, received back and decoded, or to {@code AWS_SQS_URL} when set (see
 * {@link DemoSqs}). {@code LLMOPS_SINKS} overrides the choice; naming {@code otlp} or
 * {@code langfuse} there without an endpoint shows what a local backend received ({@link DemoOtlp}).
 */
public final class RagDemo {

  private RagDemo() {}

  public static void main(String[] args) {
    LlmopsConfig fromEnvironment = LlmopsConfig.fromEnvironment();
    CompletableFuture<LocalSqs> starting = DemoSqs.startLocalIfWanted(fromEnvironment);
    LlmopsAgent.install(); // meanwhile the in-process SQS server starts
    LlmopsConfig.Builder config = LlmopsConfig.builder();
    try (DemoSqs sqs = DemoSqs.configure(fromEnvironment, config, starting);
        DemoOtlp otlp = DemoOtlp.startIfWanted(fromEnvironment, config)) {
      try {
        run(args, config.build(), sqs);
      } finally {
        Llmops.shutdown(Duration.ofSeconds(5)); // before the in-process servers stop
      }
      otlp.report();
    }
  }

  /**
   * Asks the profile service, a second service started for the call: its part of the trace is
   * a child segment, sent by that service.
   */
  private static String profileOf(String user) {
    try (ProfileService service = ProfileService.start()) {
      return new UserProfiles(service.uri()).profile(user);
    } catch (IOException e) {
      return "(profile service unavailable: " + e.getMessage() + ")";
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
    String profile = profileOf("demo_user");
    RagAgent agent = new RagAgent();
    String answer = agent.answer(question);
    TraceManager.finalizeAndSend(Map.of("user_msg", question, "profile", profile),
        Map.of("bot_response", answer));
    // The user's feedback comes after the answer was sent: a late evaluation segment.
    Evaluation.builder().name("user_feedback").score(1.0).label("helpful")
        .rationale("The demo user marked the answer helpful.")
        .evaluatorMetadata(Map.of("method", "thumbs")).parent(agent.lastAnswer()).record();

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
