package io.llmops.observability.evals;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.llmops.observability.Llmops;
import io.llmops.observability.LlmopsContext;
import io.llmops.observability.Span;
import io.llmops.observability.TraceManager;
import io.llmops.observability.agent.LlmopsAgent;
import io.llmops.observability.evals.internal.OpenAiChatModel;
import io.llmops.observability.testing.CollectingSink;
import io.llmops.observability.testing.TestConfigs;
import io.llmops.observability.testing.WireDecoder;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * With the agent weaving the JDK {@code HttpClient}, the OpenAI-compatible judge's HTTP call,
 * made under the evaluated generation's context, is the SDK's own call: no client span records
 * it, while the application's call through the same kind of client is one.
 */
@Timeout(120)
class JudgeHttpCallsWithTheAgentTest {

  static {
    if (!LlmopsAgent.install()) {
      throw new IllegalStateException("the agent could not attach to the test JVM");
    }
  }

  private final CollectingSink sink = new CollectingSink();
  private FakeChatServer server;

  @AfterEach
  void stop() {
    server.close();
    Llmops.shutdown(Duration.ofSeconds(5));
  }

  @Test
  void theJudgesHttpCallIsNotAClientSpanWhileTheApplicationsIs() throws Exception {
    Llmops.configure(TestConfigs.isolated().addSink(sink).build());
    server = FakeChatServer.answering(
        "{\"score\": 0.8, \"label\": \"relevant\", \"rationale\": \"On topic.\"}");
    EvaluationRunner runner = new EvaluationRunner(new ChatJudge(new OpenAiChatModel(
        server.baseUrl(), "judge-model", null, Duration.ofSeconds(10))), 1, 10,
        Duration.ofSeconds(30));

    TraceManager.startTrace("answering");
    try (Span generation = Llmops.generation("answer").model("gpt-4o").start()) {
      runner.submit(new JudgeRequest(Criterion.RELEVANCE, "Weather in Paris?", "Sunny.", null,
          Map.of()), LlmopsContext.current(), generation.spanId());
      assertThat(runner.shutdown(Duration.ofSeconds(30))).isTrue();
      HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(server.baseUrl()))
          .build(), HttpResponse.BodyHandlers.discarding());
    }
    TraceManager.endTrace();

    List<JsonNode> spans = spans();
    assertThat(spans).filteredOn(span -> span.get("span_type").asText().equals("evaluation"))
        .singleElement()
        .satisfies(span -> assertThat(span.at("/input_data/evaluation/score").asDouble()).isEqualTo(0.8));
    assertThat(spans).filteredOn(span -> span.at("/metadata/outbound_http").asBoolean())
        .singleElement()
        .satisfies(span -> assertThat(span.at("/metadata/url").asText())
            .doesNotContain("/chat/completions"));
  }

  private List<JsonNode> spans() {
    assertThat(Llmops.flush(Duration.ofSeconds(10))).isTrue();
    List<JsonNode> spans = new ArrayList<>();
    sink.messages().forEach(message -> WireDecoder.trace(message.body()).get("spans").forEach(spans::add));
    return spans;
  }
}
