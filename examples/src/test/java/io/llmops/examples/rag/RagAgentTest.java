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
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RagAgentTest {

  static {
    WovenDemo.ensureAgentInstalled();
  }

  private final CollectingSink sink = new CollectingSink();

  @AfterEach
  void shutdown() {
    Llmops.shutdown(Duration.ofSeconds(5));
  }

  @Test
  void theDemoAgentProducesAnAgentTreeWithRetrievalGenerationsAndTools() {
    Llmops.configure(TestConfigs.isolated().addSink(sink).build());

    TraceManager.startTrace("rag_demo");
    String answer = new RagAgent().answer("How old is Java?");
    TraceManager.finalizeAndSend(Map.of("user_msg", "How old is Java?"), Map.of("bot_response", answer));
    assertThat(Llmops.flush(Duration.ofSeconds(5))).isTrue();

    assertThat(answer).contains("1995");
    assertThat(sink.messages()).hasSize(1);
    JsonNode trace = WireDecoder.trace(sink.messages().get(0).body());
    List<String> types = new ArrayList<>();
    trace.get("spans").forEach(span -> types.add(span.get("span_type").asText()));
    assertThat(types).containsExactlyInAnyOrder(
        "agent", "span", "generation", "tool", "generation", "tool", "generation");
    String agentId = null;
    for (JsonNode span : trace.get("spans")) {
      if (span.get("span_type").asText().equals("agent")) {
        agentId = span.get("span_id").asText();
      }
    }
    for (JsonNode span : trace.get("spans")) {
      if (!span.get("span_type").asText().equals("agent")) {
        assertThat(span.get("parent_span_id").asText()).isEqualTo(agentId);
      }
    }
    assertThat(trace.at("/token_usage/total_output_tokens").asLong()).isEqualTo(31 + 24 + 42);
  }

  @Test
  void theCalculatorRejectsMalformedExpressions() {
    assertThat(Tools.calculate("2025 - 1995")).isEqualTo("30");
    assertThatThrownBy(() -> Tools.calculate("2025-"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("a op b");
  }
}
