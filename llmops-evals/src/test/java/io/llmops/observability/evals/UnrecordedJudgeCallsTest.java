package io.llmops.observability.evals;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.llmops.observability.Llmops;
import io.llmops.observability.LlmopsContext;
import io.llmops.observability.Span;
import io.llmops.observability.TraceManager;
import io.llmops.observability.bedrock.FakeBedrockRuntime;
import io.llmops.observability.bedrock.FakeBedrockRuntime.Answer;
import io.llmops.observability.bedrock.LlmopsBedrockInterceptor;
import io.llmops.observability.bedrock.TestClients;
import io.llmops.observability.evals.internal.BedrockConverseChatModel;
import io.llmops.observability.testing.CollectingSink;
import io.llmops.observability.testing.TestConfigs;
import io.llmops.observability.testing.WireDecoder;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeAsyncClient;
import software.amazon.awssdk.services.bedrockruntime.model.ContentBlock;
import software.amazon.awssdk.services.bedrockruntime.model.ConversationRole;
import software.amazon.awssdk.services.bedrockruntime.model.Message;

/**
 * The Bedrock judge on a real SDK client that carries {@code llmops-bedrock}'s interceptor (as
 * the agent gives every client): the judge's Converse call is not recorded, the application's
 * own Converse call on the same client is.
 */
@Timeout(60)
class UnrecordedJudgeCallsTest {

  private static final String MODEL = "anthropic.claude-3-haiku-20240307-v1:0";

  private final CollectingSink sink = new CollectingSink();
  private FakeBedrockRuntime bedrock;
  private BedrockRuntimeAsyncClient client;

  @BeforeEach
  void start() throws Exception {
    Llmops.configure(TestConfigs.isolated().addSink(sink).build());
    bedrock = new FakeBedrockRuntime();
    String verdict = "{\"score\": 0.9, \"label\": \"relevant\", \"rationale\": \"On topic.\"}";
    bedrock.answer("converse", Answer.json("{\"output\":{\"message\":{\"role\":\"assistant\","
        + "\"content\":[{\"text\":" + FakeChatServer.JSON.writeValueAsString(verdict) + "}]}},"
        + "\"stopReason\":\"end_turn\",\"usage\":{\"inputTokens\":10,\"outputTokens\":5,"
        + "\"totalTokens\":15},\"metrics\":{\"latencyMs\":12}}"));
    client = TestClients.async(bedrock.endpoint(), new LlmopsBedrockInterceptor());
  }

  @AfterEach
  void stop() {
    client.close();
    bedrock.close();
    Llmops.shutdown(Duration.ofSeconds(5));
  }

  @Test
  void theJudgesConverseCallIsNotRecordedWhileTheApplicationsIs() {
    EvaluationRunner runner = new EvaluationRunner(
        new ChatJudge(new BedrockConverseChatModel(client, MODEL)), 1, 10, Duration.ofSeconds(30));
    TraceManager.startTrace("answering");
    try (Span generation = Llmops.generation("answer").model(MODEL).start()) {
      runner.submit(new JudgeRequest(Criterion.RELEVANCE, "Weather in Paris?", "Sunny.", null,
          Map.of()), LlmopsContext.current(), generation.spanId());
    }
    assertThat(runner.shutdown(Duration.ofSeconds(30))).isTrue();
    TraceManager.endTrace();

    client.converse(r -> r.modelId(MODEL).messages(Message.builder().role(ConversationRole.USER)
        .content(ContentBlock.fromText("What is Java?")).build())).join();

    List<JsonNode> spans = spans();
    assertThat(spans).filteredOn(span -> span.get("span_type").asText().equals("evaluation"))
        .singleElement()
        .satisfies(span -> assertThat(span.at("/input_data/evaluation/score").asDouble()).isEqualTo(0.9));
    assertThat(spans).filteredOn(span -> span.get("span_type").asText().equals("generation"))
        .extracting(span -> span.get("span_name").asText())
        .containsExactlyInAnyOrder("answer", "bedrock.converse");
    assertThat(spans).filteredOn(span -> span.get("span_name").asText().equals("bedrock.converse"))
        .singleElement()
        .satisfies(span -> assertThat(span.get("prompt").asText()).isEqualTo("What is Java?"));
  }

  /** The spans of every trace sent so far. */
  private List<JsonNode> spans() {
    assertThat(Llmops.flush(Duration.ofSeconds(10))).isTrue();
    List<JsonNode> spans = new ArrayList<>();
    sink.messages().forEach(message -> WireDecoder.trace(message.body()).get("spans").forEach(spans::add));
    return spans;
  }
}
