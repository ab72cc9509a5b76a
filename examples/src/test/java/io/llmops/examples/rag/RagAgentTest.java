package io.llmops.examples.rag;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.llmops.observability.Llmops;
import io.llmops.observability.LlmopsConfig;
import io.llmops.observability.TraceManager;
import io.llmops.observability.spi.ExportResult;
import io.llmops.observability.spi.TraceMessage;
import io.llmops.observability.spi.TraceSink;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RagAgentTest {

  private final List<TraceMessage> messages = new CopyOnWriteArrayList<>();

  @AfterEach
  void shutdown() {
    Llmops.shutdown(Duration.ofSeconds(5));
  }

  @Test
  void theDemoAgentProducesAnAgentTreeWithRetrievalGenerationsAndTools() throws Exception {
    Llmops.configure(LlmopsConfig.builder().environmentVariables(Map.of())
        .systemProperties(new Properties()).dotEnvFile(null)
        .addSink(new TraceSink() {
          @Override
          public String name() {
            return "memory";
          }

          @Override
          public ExportResult export(List<TraceMessage> batch) {
            messages.addAll(batch);
            return ExportResult.success();
          }
        }).build());

    TraceManager.startTrace("rag_demo");
    String answer = new RagAgent().answer("How old is Java?");
    TraceManager.finalizeAndSend(Map.of("user_msg", "How old is Java?"), Map.of("bot_response", answer));
    assertThat(Llmops.flush(Duration.ofSeconds(5))).isTrue();

    assertThat(answer).contains("1995");
    assertThat(messages).hasSize(1);
    JsonNode trace = new ObjectMapper().readTree(messages.get(0).traceJsonText());
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
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> Tools.calculate("2025-"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("a op b");
  }
}
