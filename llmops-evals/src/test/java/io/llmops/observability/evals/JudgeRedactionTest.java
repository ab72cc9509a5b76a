package io.llmops.observability.evals;

import static org.assertj.core.api.Assertions.assertThat;

import io.llmops.observability.Llmops;
import io.llmops.observability.LlmopsContext;
import io.llmops.observability.Span;
import io.llmops.observability.testing.CollectingSink;
import io.llmops.observability.testing.TestConfigs;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A judge is a third party: what it is sent (input, response, context, criterion) passes the
 * same redaction as exported traces, the configured {@code LLMOPS_REDACT_KEYS} included.
 */
@Timeout(60)
class JudgeRedactionTest {

  private static final String AWS_KEY_ID = "AKIAIOSFODNN7EXAMPLE";
  private static final String AWS_SECRET = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";
  private static final String OPENAI_KEY = "sk-proj-4f8Hc2Lq9ZxT7vB1nM3kR6yW0aE5dJ";
  private static final String PASSWORD = "hunter2-correct-horse";
  private static final String SSN = "123-45-6789";
  private static final List<String> SECRETS = List.of(AWS_KEY_ID, AWS_SECRET, OPENAI_KEY, PASSWORD, SSN);

  private final CollectingSink sink = new CollectingSink();
  private FakeChatServer server;

  @BeforeEach
  void configure() throws Exception {
    Llmops.configure(TestConfigs.isolated().set("LLMOPS_REDACT_KEYS", "customer_ssn")
        .addSink(sink).build());
    server = FakeChatServer.answering("{\"score\": 1, \"label\": \"ok\"}");
  }

  @AfterEach
  void shutdown() {
    server.close();
    Llmops.shutdown(Duration.ofSeconds(5));
  }

  /** A request with a secret in every part a judge is sent. */
  private static JudgeRequest leaky() {
    Criterion criterion = Criterion.of("leak_check",
        "Check that the admin password: " + PASSWORD + " is never repeated.", "ok", "leaked");
    return new JudgeRequest(criterion,
        "My key is " + AWS_KEY_ID + " and aws_secret_access_key=" + AWS_SECRET + ". Why?",
        "Use the api key " + OPENAI_KEY + "; your password: " + PASSWORD,
        "customer_ssn=" + SSN, Map.of());
  }

  private void assertNoSecretIn(String sent) {
    assertThat(sent).contains("[REDACTED]");
    for (String secret : SECRETS) {
      assertThat(sent).as("what the judge was sent").doesNotContain(secret);
    }
  }

  @Test
  void theChatCompletionsRequestOfTheRunnersJudgeHoldsNoSecret() throws Exception {
    try (EvaluationRunner runner = new EvaluationRunner(server.judge("10"), 1, 10, Duration.ofSeconds(10))) {
      LlmopsContext context;
      String spanId;
      try (Span generation = Llmops.generation("answer").start()) {
        context = LlmopsContext.current();
        spanId = generation.spanId();
      }
      assertThat(runner.submit(leaky(), context, spanId)).isTrue();
      assertThat(runner.awaitIdle(Duration.ofSeconds(20))).isTrue();
    }

    assertThat(server.requests()).hasSize(1);
    assertNoSecretIn(server.requests().get(0).toString());
    assertThat(server.requests().get(0).at("/messages/1/content").asText())
        .contains("My key is [REDACTED]");
  }

  @Test
  void aChatJudgeCalledDirectlySendsNoSecretEither() throws Exception {
    server.judge("10").judge(leaky()).get(30, TimeUnit.SECONDS);

    assertNoSecretIn(server.requests().get(0).toString());
  }

  @Test
  void aJudgeOfTheApplicationsOwnIsHandedTheRequestRedacted() throws Exception {
    List<JudgeRequest> handed = new CopyOnWriteArrayList<>();
    try (EvaluationRunner runner = new EvaluationRunner(request -> {
      handed.add(request);
      return CompletableFuture.completedFuture(new Verdict(1, "ok", null));
    }, 1, 10, Duration.ofSeconds(10))) {
      LlmopsContext context;
      String spanId;
      try (Span generation = Llmops.generation("answer").start()) {
        context = LlmopsContext.current();
        spanId = generation.spanId();
      }
      runner.submit(leaky(), context, spanId);
      assertThat(runner.awaitIdle(Duration.ofSeconds(20))).isTrue();
    }

    JudgeRequest request = handed.get(0);
    assertNoSecretIn(String.join("\n", request.input(), request.response(), request.context(),
        request.criterion().instructions()));
  }
}
