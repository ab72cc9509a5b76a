package io.llmops.examples.rag;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.llmops.observability.Llmops;
import io.llmops.observability.TraceManager;
import io.llmops.observability.testing.CollectingSink;
import io.llmops.observability.testing.TestConfigs;
import io.llmops.observability.testing.WireDecoder;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RagAgentTest {

  /** Tokens of the demo's default question, "How old is Java?", over its three model calls. */
  static final long JAVA_INPUT_TOKENS = 459;
  static final long JAVA_OUTPUT_TOKENS = 42;

  static {
    WovenDemo.ensureAgentInstalled();
  }

  private final CollectingSink sink = new CollectingSink();

  @AfterEach
  void shutdown() {
    Llmops.shutdown(Duration.ofSeconds(5));
  }

  @Test
  void theDemoAgentShowsEverySpanKindNestedUnderTheAgentWithSecretsRedacted() {
    Llmops.configure(TestConfigs.isolated().addSink(sink).build());

    TraceManager.startTrace("rag_demo");
    String answer = new RagAgent().answer("How old is Java?");
    TraceManager.finalizeAndSend(Map.of("user_msg", "How old is Java?"), Map.of("bot_response", answer));
    assertThat(Llmops.flush(Duration.ofSeconds(5))).isTrue();

    assertThat(answer).contains("1995");
    assertThat(sink.messages()).hasSize(1);
    JsonNode trace = WireDecoder.trace(sink.messages().get(0).body());
    Map<String, JsonNode> byId = new HashMap<>();
    trace.get("spans").forEach(span -> byId.put(span.get("span_id").asText(), span));
    List<String> types = new ArrayList<>();
    byId.values().forEach(span -> types.add(span.get("span_type").asText()));
    assertThat(types).containsExactlyInAnyOrder(
        "agent", "span", "crawl_session", "crawl_event", "crawl_page", "crawl_page", "crawl_event",
        "generation", "tool", "generation", "tool", "generation", "span", "evaluation",
        "transaction");

    JsonNode agent = only(byId, "agent");
    for (JsonNode span : byId.values()) {
      if (span != agent) {
        assertThat(agentOf(span, byId)).as(span.get("span_name").asText()).isSameAs(agent);
      }
    }
    assertThat(parentOf(only(byId, "evaluation"), byId).get("span_name").asText()).isEqualTo("check_answer");
    for (JsonNode tool : byId.values()) {
      if (tool.get("span_type").asText().equals("tool")) {
        JsonNode requestedBy = byId.get(tool.at("/metadata/llm.requested_by_span_id").asText());
        assertThat(requestedBy).as("the generation that asked for " + tool.get("span_name")).isNotNull();
        assertThat(requestedBy.get("span_type").asText()).isEqualTo("generation");
        assertThat(tool.at("/metadata/llm.tool_call_id").asText()).startsWith("tooluse_");
      }
    }
    JsonNode session = only(byId, "crawl_session");
    assertThat(session.at("/metadata/crawl.pages_ok").asInt()).isEqualTo(1);
    assertThat(session.at("/metadata/crawl.pages_fail").asInt()).isEqualTo(1);
    assertThat(session.at("/metadata/crawl.events_fail").asInt()).isEqualTo(1);
    assertThat(trace.at("/token_usage/total_input_tokens").asLong()).isEqualTo(JAVA_INPUT_TOKENS);
    assertThat(trace.at("/token_usage/total_output_tokens").asLong()).isEqualTo(JAVA_OUTPUT_TOKENS);
    assertThat(trace.at("/cost/total_cost").asDouble()).isPositive();
    assertThat(sink.messages().get(0).traceJsonText())
        .doesNotContain("demo-search-key-123").doesNotContain("demo-page-token");
  }

  private static JsonNode only(Map<String, JsonNode> byId, String type) {
    List<JsonNode> found = byId.values().stream()
        .filter(span -> span.get("span_type").asText().equals(type)).toList();
    assertThat(found).hasSize(1);
    return found.get(0);
  }

  private static JsonNode parentOf(JsonNode span, Map<String, JsonNode> byId) {
    return byId.get(span.get("parent_span_id").asText());
  }

  /** The root of {@code span}'s chain of parents. */
  private static JsonNode agentOf(JsonNode span, Map<String, JsonNode> byId) {
    JsonNode current = span;
    while (current.hasNonNull("parent_span_id")) {
      current = parentOf(current, byId);
    }
    return current;
  }

  @Test
  void theModelsAnswerDependsOnTheQuestionAndOnTheDocumentsFound() {
    Llmops.configure(TestConfigs.isolated().addSink(sink).build());

    assertThat(new RagAgent().answer("How old is Java?"))
        .isEqualTo("Java is a programming language first released by Sun Microsystems in 1995, "
            + "so it is 30 years old in 2025.");
    assertThat(new RagAgent().answer("What is Amazon SQS?"))
        .isEqualTo("According to the documents: Amazon SQS is a managed message queue; a message "
            + "body can hold up to 1 MiB.");
    assertThat(new RagAgent().answer("Who painted the Mona Lisa?"))
        .isEqualTo("The documents I searched say nothing about that.");
  }

  @Test
  void theCalculatorRejectsMalformedExpressions() {
    assertThat(Tools.calculate("2025 - 1995")).isEqualTo("30");
    assertThatThrownBy(() -> Tools.calculate("2025-"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("a op b");
  }
}
