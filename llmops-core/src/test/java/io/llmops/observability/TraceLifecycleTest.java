package io.llmops.observability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.llmops.observability.testing.CollectingSink;
import io.llmops.observability.testing.TracingHarness;
import io.llmops.observability.testing.WireDecoder;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class TraceLifecycleTest {

  @RegisterExtension final TracingHarness tracing = new TracingHarness();
  private final CollectingSink sink = tracing.sink();

  private JsonNode onlyTrace() {
    assertThat(Llmops.flush(Duration.ofSeconds(5))).isTrue();
    assertThat(sink.messages()).hasSize(1);
    return WireDecoder.trace(sink.messages().get(0).body());
  }

  @Test
  void nestedSpansGetTheirParentAndTheTraceFieldsAreSet() {
    String traceId = TraceManager.newTrace("rag_pipeline").userId("user_123").sessionId("s1")
        .metadata("version", "1.0.0").tags("example", "rag").start();
    try (Span agent = Llmops.agent("agent_loop").input("query", "What is Java?").start()) {
      try (Span llm = Llmops.generation("call_llm").model("anthropic.claude-3-sonnet-20240229-v1:0")
          .prompt("What is Java?").start()) {
        llm.setResponse("A language.").setUsage(145, 87);
      }
      agent.setOutput("A language.");
    }
    assertThat(TraceManager.finalizeAndSend(Map.of("user_msg", "What is Java?"),
        Map.of("bot_response", "A language."))).isTrue();

    JsonNode trace = onlyTrace();
    assertThat(trace.get("trace_id").asText()).isEqualTo(traceId);
    assertThat(trace.get("trace_name").asText()).isEqualTo("rag_pipeline");
    assertThat(trace.get("user_id").asText()).isEqualTo("user_123");
    assertThat(trace.get("project_id").asText()).isEqualTo("test_project");
    assertThat(trace.get("total_spans").asInt()).isEqualTo(2);
    assertThat(trace.get("total_generations").asInt()).isEqualTo(1);
    assertThat(trace.at("/token_usage/total_tokens").asLong()).isEqualTo(232);
    assertThat(trace.at("/trace_input/user_msg").asText()).isEqualTo("What is Java?");
    JsonNode agent = trace.get("spans").get(1);
    JsonNode llm = trace.get("spans").get(0);
    assertThat(agent.get("span_type").asText()).isEqualTo("agent");
    assertThat(agent.get("parent_span_id").isNull()).isTrue();
    assertThat(llm.get("parent_span_id").asText()).isEqualTo(agent.get("span_id").asText());
    assertThat(llm.at("/metadata/environment").asText()).isEqualTo("test");
    assertThat(llm.at("/usage/input_tokens").asLong()).isEqualTo(145);
    assertThat(agent.at("/input_data/kwargs/query").asText()).isEqualTo("What is Java?");
  }

  @Test
  void aUserExceptionIsRethrownUnchangedAndMarksTheSpan() {
    TraceManager.startTrace("failing");
    IllegalStateException boom = new IllegalStateException("boom");
    assertThatThrownBy(() -> Llmops.tool("fails").call(() -> {
      throw boom;
    })).isSameAs(boom);
    TraceManager.endTrace();

    JsonNode span = onlyTrace().get("spans").get(0);
    assertThat(span.get("status").asText()).isEqualTo("error");
    assertThat(span.get("level").asText()).isEqualTo("ERROR");
    assertThat(span.get("error").asText()).isEqualTo("java.lang.IllegalStateException: boom");
    assertThat(span.at("/metadata/exception.stacktrace").asText()).contains("TraceLifecycleTest");
  }

  @Test
  void finalizeIsIdempotent() {
    TraceManager.startTrace("once");
    assertThat(TraceManager.finalizeAndSend()).isTrue();
    assertThat(TraceManager.finalizeAndSend()).isFalse();
    assertThat(TraceManager.endTrace()).isFalse();
    onlyTrace();
  }
}
