package io.llmops.observability.evals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.llmops.observability.evals.FakeChatServer.Reply;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(60)
class OpenAiJudgeTest {

  private FakeChatServer server;

  @AfterEach
  void stop() {
    if (server != null) {
      server.close();
    }
  }

  private Judge judgeFor(String timeoutSeconds, String apiKey) {
    Map<String, String> env = new java.util.HashMap<>(Map.of(
        JudgeConfig.JUDGE, "openai", JudgeConfig.MODEL, "llama3.1:8b",
        JudgeConfig.BASE_URL, server.baseUrl(), JudgeConfig.TIMEOUT, timeoutSeconds));
    if (apiKey != null) {
      env.put(JudgeConfig.API_KEY, apiKey);
    }
    return JudgeConfig.from(name -> Optional.ofNullable(env.get(name))).createJudge().orElseThrow();
  }

  private static JudgeRequest correctness() {
    return new JudgeRequest(Criterion.CORRECTNESS, "What is the capital of France?", "Paris.",
        null, Map.of());
  }

  private static JudgeException failureOf(Judge judge, JudgeRequest request) {
    try {
      judge.judge(request).get(30, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      assertThat(e.getCause()).isInstanceOf(JudgeException.class);
      return (JudgeException) e.getCause();
    } catch (Exception e) {
      throw new AssertionError(e);
    }
    throw new AssertionError("the judgement succeeded");
  }

  @Test
  void aChatCompletionsJudgeSendsTheCriterionPromptAndReadsTheVerdict() throws Exception {
    server = FakeChatServer.answering(
        "```json\n{\"score\": 9, \"label\": \"correct\", \"rationale\": \"Paris is right.\"}\n```");
    Judge judge = judgeFor("5", "sk-test-secret");

    Verdict verdict = judge.judge(correctness()).get(30, TimeUnit.SECONDS);

    assertThat(verdict).isEqualTo(new Verdict(0.9, "correct", "Paris is right."));
    JsonNode request = server.requests().get(0);
    assertThat(request.get("model").asText()).isEqualTo("llama3.1:8b");
    assertThat(request.get("temperature").asDouble()).isZero();
    assertThat(request.at("/messages/0/role").asText()).isEqualTo("system");
    assertThat(request.at("/messages/0/content").asText())
        .contains("correctness", "\"score\"", "\"label\"", "\"rationale\"", "correct | partially_correct | incorrect");
    JsonNode data = FakeChatServer.dataSection(request);
    assertThat(data.get("input").asText()).isEqualTo("What is the capital of France?");
    assertThat(data.get("response").asText()).isEqualTo("Paris.");
    assertThat(data.has("context")).isFalse();
    assertThat(server.authorizations()).containsExactly("Bearer sk-test-secret");
    assertThat(judge.describe()).containsEntry("backend", "openai").containsEntry("model", "llama3.1:8b");
  }

  @Test
  void withoutAnApiKeyNoAuthorizationIsSentAndTheKeyIsNeverShown() throws Exception {
    server = FakeChatServer.answering("{\"score\": 1}");
    judgeFor("5", null).judge(correctness()).get(30, TimeUnit.SECONDS);
    assertThat(server.authorizations()).containsExactly("");
    JudgeConfig config = JudgeConfig.from(name -> Optional.ofNullable(Map.of(
        JudgeConfig.JUDGE, "openai", JudgeConfig.MODEL, "m", JudgeConfig.API_KEY, "sk-hidden").get(name)));
    assertThat(config.toString()).doesNotContain("sk-hidden").contains("[REDACTED]");
  }

  @Test
  void faithfulnessSendsTheContextAndFailsClearlyWithoutIt() throws Exception {
    server = FakeChatServer.answering("{\"score\": 0.2, \"label\": \"unfaithful\"}");
    Judge judge = judgeFor("5", null);
    Verdict verdict = judge.judge(new JudgeRequest(Criterion.FAITHFULNESS, "Opening hours?",
        "Open 24/7.", "The shop opens 9-17 on weekdays.", Map.of())).get(30, TimeUnit.SECONDS);
    assertThat(verdict.label()).isEqualTo("unfaithful");
    assertThat(FakeChatServer.dataSection(server.requests().get(0)).get("context").asText()).isEqualTo("The shop opens 9-17 on weekdays.");

    JudgeException missing = failureOf(judge, new JudgeRequest(Criterion.FAITHFULNESS, "q", "a", null, Map.of()));
    assertThat(missing.reason()).isEqualTo("missing_context");
    assertThat(server.requests()).hasSize(1);
  }

  @Test
  void aServerErrorIsABackendError() throws Exception {
    server = new FakeChatServer(request -> Reply.status(503, "{\"error\": \"overloaded\"}"));
    JudgeException failure = failureOf(judgeFor("5", null), correctness());
    assertThat(failure.reason()).isEqualTo("backend_error");
    assertThat(failure).hasMessageContaining("HTTP 503");
  }

  @Test
  void garbageIsAnUnreadableAnswer() throws Exception {
    server = new FakeChatServer(request -> Reply.status(200, "<html>not json</html>"));
    assertThat(failureOf(judgeFor("5", null), correctness()).reason()).isEqualTo("unreadable_answer");

    server.script(request -> Reply.assistant("I refuse to grade this."));
    assertThat(failureOf(judgeFor("5", null), correctness()).reason()).isEqualTo("unreadable_answer");

    server.script(request -> Reply.status(200, "{\"choices\": []}"));
    assertThat(failureOf(judgeFor("5", null), correctness()))
        .hasMessageContaining("choices[0].message.content");
  }

  @Test
  void aJudgeThatDoesNotAnswerTimesOut() throws Exception {
    server = new FakeChatServer(request -> Reply.hanging());
    long start = System.nanoTime();
    JudgeException failure = failureOf(judgeFor("0.3", null), correctness());
    assertThat(failure.reason()).isEqualTo("timeout");
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
  }

  @Test
  void invalidSettingsFailFastNamingTheVariable() {
    assertThatThrownBy(() -> JudgeConfig.from(name -> Optional.ofNullable(
        Map.of(JudgeConfig.JUDGE, "openai").get(name))))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(JudgeConfig.MODEL);
    assertThatThrownBy(() -> JudgeConfig.from(name -> Optional.ofNullable(
        Map.of(JudgeConfig.JUDGE, "watson").get(name))))
        .hasMessageContaining(JudgeConfig.JUDGE);
    assertThatThrownBy(() -> JudgeConfig.from(name -> Optional.ofNullable(
        Map.of(JudgeConfig.TIMEOUT, "soon").get(name))))
        .hasMessageContaining(JudgeConfig.TIMEOUT);
    assertThatThrownBy(() -> JudgeConfig.from(name -> Optional.ofNullable(
        Map.of(JudgeConfig.SHUTDOWN_TIMEOUT, "601").get(name))))
        .hasMessageContaining(JudgeConfig.SHUTDOWN_TIMEOUT);
    assertThat(JudgeConfig.from(name -> Optional.ofNullable(
        Map.of(JudgeConfig.JUDGE, "none").get(name))).createJudge()).isEmpty();
    assertThat(JudgeConfig.from(name -> Optional.empty()).shutdownTimeout())
        .isEqualTo(Duration.ofSeconds(5));
  }
}
