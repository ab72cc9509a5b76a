package io.llmops.observability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.llmops.observability.testing.CollectingSink;
import io.llmops.observability.testing.Exported;
import io.llmops.observability.testing.TracingHarness;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Tool spans say which requested tool call they ran, and which generation requested it. */
class ToolCallLinkingTest {

  @RegisterExtension final TracingHarness tracing = new TracingHarness();
  private final CollectingSink sink = tracing.sink();

  private static final String TWO_TOOL_CALLS = """
      {"output": {"message": {"role": "assistant", "content": [
        {"toolUse": {"toolUseId": "tooluse_search", "name": "search_docs", "input": {"query": "java"}}},
        {"toolUse": {"toolUseId": "tooluse_calc", "name": "calculator", "input": {"expression": "2025 - 1995"}}}
      ]}}, "stopReason": "tool_use",
      "usage": {"inputTokens": 120, "outputTokens": 40, "totalTokens": 160}}
      """;

  @Test
  void toolSpansAreLinkedToTheCallsTheGenerationRequestedByIdOrByName() {
    TraceManager.startTrace("agent");
    String generationId;
    try (Span llm = Llmops.generation("plan").start()) {
      llm.recordLlmResponse(TWO_TOOL_CALLS);
      generationId = llm.spanId();
    }
    Llmops.tool("calculator").metadata("llm.tool_call_id", "tooluse_calc").run(() -> { });
    Llmops.tool("search_docs").run(() -> { });
    Llmops.tool("weather").run(() -> { });
    TraceManager.endTrace();

    Map<String, JsonNode> tools = new HashMap<>();
    Exported.onlyTrace(sink).get("spans").forEach(s -> tools.put(s.get("span_name").asText(), s));
    assertThat(tools.get("search_docs").at("/metadata/llm.tool_call_id").asText()).isEqualTo("tooluse_search");
    assertThat(tools.get("search_docs").at("/metadata/llm.requested_by_span_id").asText()).isEqualTo(generationId);
    assertThat(tools.get("calculator").at("/metadata/llm.tool_call_id").asText()).isEqualTo("tooluse_calc");
    assertThat(tools.get("calculator").at("/metadata/llm.requested_by_span_id").asText()).isEqualTo(generationId);
    assertThat(tools.get("weather").at("/metadata/llm.requested_by_span_id").isMissingNode()).isTrue();
  }
}
