package io.llmops.observability.evals;

import io.llmops.observability.Llmops;
import io.llmops.observability.TraceManager;
import io.llmops.observability.agent.LlmopsAgent;
import io.llmops.observability.bedrock.FakeBedrockRuntime;
import io.llmops.observability.bedrock.FakeBedrockRuntime.Answer;
import java.time.Duration;

/**
 * Run in a JVM of its own by {@link DefaultJudgeTest}, with no judge configured ({@code
 * LLMOPS_JUDGE} unset) and the AWS settings the test gives it: makes {@code args[0]} calls of
 * {@link Assistant#answer} (two criteria each) through the agent, with a fake Bedrock Runtime as
 * the judge's endpoint, then prints how many evaluations were skipped for want of a judge.
 */
public final class DefaultJudgeMain {

  /** A Converse answer whose text is the verdict. */
  static final String CONVERSE_ANSWER = "{\"output\":{\"message\":{\"role\":\"assistant\","
      + "\"content\":[{\"text\":\"{\\\"score\\\": 0.9, \\\"label\\\": \\\"correct\\\"}\"}]}},"
      + "\"stopReason\":\"end_turn\",\"usage\":{\"inputTokens\":10,\"outputTokens\":5,"
      + "\"totalTokens\":15},\"metrics\":{\"latencyMs\":12}}";

  private DefaultJudgeMain() {}

  public static void main(String[] args) throws Exception {
    int calls = Integer.parseInt(args[0]);
    try (FakeBedrockRuntime bedrock = new FakeBedrockRuntime()) {
      bedrock.answer("converse", Answer.json(CONVERSE_ANSWER));
      System.setProperty(JudgeConfig.BASE_URL, bedrock.endpoint().toString());
      if (!LlmopsAgent.install()) {
        throw new IllegalStateException("the agent could not attach");
      }
      Assistant assistant = new Assistant();
      for (int i = 0; i < calls; i++) {
        TraceManager.startTrace("chat");
        assistant.answer("question " + i);
        TraceManager.endTrace();
      }
      EvaluationRunner runner = JudgeEvaluations.runner();
      if (runner != null && !runner.awaitIdle(Duration.ofSeconds(30))) {
        throw new IllegalStateException("evaluations still pending");
      }
      if (!Llmops.flush(Duration.ofSeconds(10))) {
        throw new IllegalStateException("traces not flushed");
      }
      System.out.println("skipped=" + Llmops.stats().get(JudgeEvaluations.SKIPPED_COUNTER));
    }
  }
}
