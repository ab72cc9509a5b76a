package io.llmops.observability.evals;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

/**
 * The evals API raises IllegalArgumentException naming the parameter for invalid arguments
 * (never NullPointerException, and before anything is changed), and its configuration errors
 * never quote the value set.
 */
class EvalsInvalidArgumentsTest {

  private static final Judge NEVER_CALLED = request -> new CompletableFuture<>();

  private static void rejects(ThrowingCallable call, String field) {
    assertThatThrownBy(call).isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(field);
  }

  @Test
  void theRunnerNamesTheArgument() {
    rejects(() -> new EvaluationRunner(NEVER_CALLED, (JudgeConfig) null), "config");
    EvaluationRunner runner = new EvaluationRunner(NEVER_CALLED, 1, 1, Duration.ofSeconds(1));
    try {
      rejects(() -> runner.awaitIdle(null), "wait");
      rejects(() -> runner.shutdown(null), "wait");
    } finally {
      runner.shutdown(Duration.ofSeconds(1));
    }
  }

  @Test
  void installingAndShuttingDownNameTheArgument() {
    rejects(() -> JudgeEvaluations.install((EvaluationRunner) null), "next");
    rejects(() -> JudgeEvaluations.shutdown(null), "wait");
  }

  @Test
  void criteriaAndRequestsNameTheArgument() {
    rejects(() -> Criterion.of("tone", "Is it polite?", (String[]) null), "labels");
    rejects(() -> Criterion.of("tone", "Is it polite?", "yes", null), "labels");
    rejects(() -> new Criterion("tone", "Is it polite?", Arrays.asList("yes", null), false), "labels");
    Map<String, String> metadata = new HashMap<>();
    metadata.put("k", null);
    Criterion tone = Criterion.of("tone", "Is it polite?");
    rejects(() -> new JudgeRequest(tone, "in", "out", null, metadata), "metadata");
  }

  @Test
  void configurationErrorsNeverQuoteTheValue() {
    String secret = "sk-live-0123456789abcdef0123456789abcdef";
    Map<String, String> values = Map.of(JudgeConfig.JUDGE, secret);
    assertThatThrownBy(() -> JudgeConfig.from(name -> Optional.ofNullable(values.get(name))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(JudgeConfig.JUDGE)
        .hasMessageNotContaining(secret);
    Map<String, String> timeout = Map.of(JudgeConfig.TIMEOUT, secret);
    assertThatThrownBy(() -> JudgeConfig.from(name -> Optional.ofNullable(timeout.get(name))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(JudgeConfig.TIMEOUT)
        .hasMessageNotContaining(secret);
  }
}
