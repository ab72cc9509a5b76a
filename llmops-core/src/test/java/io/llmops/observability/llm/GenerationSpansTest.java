package io.llmops.observability.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import io.llmops.observability.Llmops;
import io.llmops.observability.Span;
import io.llmops.observability.TraceManager;
import io.llmops.observability.testing.CollectingSink;
import io.llmops.observability.testing.DecodedTraces;
import io.llmops.observability.testing.TestConfigs;
import io.llmops.observability.testing.WireDecoder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Generation spans through the public API, checked on the exported (schema-validated) message. */
class GenerationSpansTest {

  private final CollectingSink sink = new CollectingSink();

  @AfterEach
  void shutdown() {
    Llmops.shutdown(Duration.ofSeconds(5));
  }

  private void configure(String defaultModel) {
    Llmops.configure(TestConfigs.isolated().defaultModelId(defaultModel).addSink(sink).build());
  }

  private JsonNode onlyTrace() {
    assertThat(Llmops.flush(Duration.ofSeconds(5))).isTrue();
    assertThat(sink.messages()).hasSize(1);
    return WireDecoder.trace(sink.messages().get(0).body());
  }

  @Test
  void recordedResponsesGiveUsageCostAndRollUps() {
    configure("anthropic.claude-3-5-sonnet-20241022-v2:0");
    TraceManager.startTrace("rag");
    try (Span llm = Llmops.generation("converse").model("us.anthropic.claude-3-7-sonnet-20250219-v1:0")
        .prompt("What is Java?").start()) {
      llm.recordLlmResponse(Fixtures.text("bedrock-converse.json"));
    }
    try (Span llm = Llmops.generation("openai").start()) {
      llm.recordLlmResponse(Fixtures.map("openai-chat.json"));
    }
    try (Span llm = Llmops.generation("defaulted").start()) {
      llm.recordLlmResponse(Fixtures.tree("titan-text.json"));
    }
    TraceManager.endTrace();

    JsonNode trace = onlyTrace();
    Map<String, JsonNode> spans = DecodedTraces.spansByName(trace);
    JsonNode converse = spans.get("converse");
    assertThat(converse.get("model_id").asText()).isEqualTo("us.anthropic.claude-3-7-sonnet-20250219-v1:0");
    assertThat(converse.get("response").asText()).startsWith("Java is a statically typed");
    assertThat(converse.get("prompt").asText()).isEqualTo("What is Java?");
    assertThat(converse.at("/usage/input_tokens").asLong()).isEqualTo(1345);
    assertThat(converse.at("/usage/output_tokens").asLong()).isEqualTo(87);
    assertThat(converse.at("/usage/total_tokens").asLong()).isEqualTo(1432);
    assertThat(converse.at("/usage/cache_read_input_tokens").asLong()).isEqualTo(1000);
    assertThat(converse.at("/usage/cache_creation_input_tokens").asLong()).isEqualTo(200);
    double input = (145 * 3.00 + 1000 * 0.30 + 200 * 3.75) / 1e6;
    double output = 87 * 15.00 / 1e6;
    assertThat(converse.at("/cost/input_cost").asDouble()).isCloseTo(input, within(1e-12));
    assertThat(converse.at("/cost/output_cost").asDouble()).isCloseTo(output, within(1e-12));
    assertThat(converse.at("/cost/total_cost").asDouble()).isCloseTo(input + output, within(1e-12));
    assertThat(converse.at("/metadata/llm.stop_reason").asText()).isEqualTo("end_turn");
    assertThat(converse.at("/output_data/output/stopReason").isMissingNode()).isTrue(); // text output
    assertThat(converse.at("/output_data/output").asText()).contains("\"stopReason\"");

    JsonNode openai = spans.get("openai");
    assertThat(openai.get("model_id").asText()).isEqualTo("gpt-4o-2024-08-06");
    assertThat(openai.get("cost").isNull()).isTrue(); // not a Bedrock model: no cost, not zero
    assertThat(openai.at("/usage/reasoning_tokens").asLong()).isEqualTo(64);
    assertThat(openai.at("/metadata/llm.tool_calls/0/name").asText()).isEqualTo("get_weather");
    assertThat(openai.at("/output_data/output/id").asText()).isEqualTo("chatcmpl-B9MBs8CjcvOU2jLn4n570S5qMJKcT");

    JsonNode defaulted = spans.get("defaulted");
    assertThat(defaulted.get("model_id").asText()).isEqualTo("anthropic.claude-3-5-sonnet-20241022-v2:0");
    assertThat(defaulted.at("/cost/total_cost").asDouble()).isCloseTo((11 * 3.0 + 32 * 15.0) / 1e6, within(1e-12));
    assertThat(defaulted.at("/output_data/output/inputTextTokenCount").asInt()).isEqualTo(11);

    assertThat(trace.at("/token_usage/total_input_tokens").asLong()).isEqualTo(1345 + 2006 + 11);
    assertThat(trace.at("/token_usage/total_output_tokens").asLong()).isEqualTo(87 + 300 + 32);
    assertThat(trace.at("/token_usage/total_tokens").asLong()).isEqualTo(1432 + 2306 + 43);
    assertThat(trace.at("/cost/total_cost").asDouble())
        .isCloseTo(input + output + (11 * 3.0 + 32 * 15.0) / 1e6, within(1e-12));
    assertThat(trace.get("total_generations").asInt()).isEqualTo(3);
  }

  @Test
  void setUsageAloneIsPricedWithTheDefaultModelAndAnExplicitCostWins() {
    configure("anthropic.claude-3-haiku-20240307-v1:0");
    TraceManager.startTrace("plain");
    try (Span llm = Llmops.generation("usage_only").start()) {
      llm.setResponse("ok").setUsage(1000, 1000);
    }
    try (Span llm = Llmops.generation("explicit").start()) {
      llm.setUsage(1000, 1000).setCost(0.5, 0.25);
    }
    try (Span span = Llmops.span("not_a_generation").start()) {
      span.setUsage(1000, 1000);
    }
    TraceManager.endTrace();
    Map<String, JsonNode> spans = DecodedTraces.spansByName(onlyTrace());
    assertThat(spans.get("usage_only").at("/cost/total_cost").asDouble()).isCloseTo(0.0015, within(1e-12));
    assertThat(spans.get("usage_only").get("usage").size()).isEqualTo(3);
    assertThat(spans.get("explicit").at("/cost/total_cost").asDouble()).isEqualTo(0.75);
    assertThat(spans.get("not_a_generation").get("cost").isNull()).isTrue();
    assertThat(spans.get("not_a_generation").get("model_id").isNull()).isTrue();
  }

  @Test
  void anUnknownModelOrUnknownResponseStillGivesAValidSpan() {
    configure("acme.unknown-model-v1:0");
    TraceManager.startTrace("unknown");
    try (Span llm = Llmops.generation("unknown_model").start()) {
      llm.recordLlmResponse(Map.of("usage", Map.of("input_tokens", 3, "output_tokens", 4), "text", "hi"));
    }
    try (Span llm = Llmops.generation("unknown_shape").start()) {
      llm.recordLlmResponse(Map.of("weird", java.util.List.of(1, 2)));
    }
    try (Span llm = Llmops.generation("nothing").start()) {
      llm.recordLlmResponse(null);
    }
    TraceManager.endTrace();
    JsonNode trace = onlyTrace();
    Map<String, JsonNode> spans = DecodedTraces.spansByName(trace);
    assertThat(spans.get("unknown_model").at("/usage/total_tokens").asLong()).isEqualTo(7);
    assertThat(spans.get("unknown_model").get("cost").isNull()).isTrue();
    assertThat(spans.get("unknown_shape").get("usage").isNull()).isTrue();
    assertThat(spans.get("unknown_shape").at("/output_data/output/weird/1").asInt()).isEqualTo(2);
    assertThat(spans.get("nothing").get("response").isNull()).isTrue();
    assertThat(trace.at("/cost/total_cost").asDouble()).isZero();
  }

  @Test
  void aPriceFileFromTheConfigurationOverridesAndExtendsTheTable(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("prices.json");
    Files.writeString(file, """
        {"models": [
          {"id": "acme.house-model-v1:0", "input": 1.0, "output": 2.0},
          {"ids": ["anthropic.claude-3-haiku-20240307-v1:0"], "input": 0.5, "output": 0.5}
        ]}""");
    Llmops.configure(TestConfigs.isolated().set("LLMOPS_PRICING_FILE", file.toString())
        .defaultModelId("acme.house-model-v1:0").addSink(sink).build());
    TraceManager.startTrace("file");
    try (Span llm = Llmops.generation("house").start()) {
      llm.setUsage(1_000_000, 1_000_000);
    }
    try (Span llm = Llmops.generation("haiku").model("us.anthropic.claude-3-haiku-20240307-v1:0").start()) {
      llm.setUsage(1_000_000, 0);
    }
    TraceManager.endTrace();
    Map<String, JsonNode> spans = DecodedTraces.spansByName(onlyTrace());
    assertThat(spans.get("house").at("/cost/total_cost").asDouble()).isCloseTo(3.0, within(1e-12));
    assertThat(spans.get("haiku").at("/cost/total_cost").asDouble()).isCloseTo(0.5, within(1e-12));
  }

  @Test
  void aBadPriceFileFailsTheConfigurationNamingTheVariable(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("broken.json");
    Files.writeString(file, "{\"models\": [{\"id\": \"x\"}]}");
    assertThatThrownBy(() -> TestConfigs.isolated().set("LLMOPS_PRICING_FILE", file.toString()).build())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("LLMOPS_PRICING_FILE");
    assertThatThrownBy(() -> TestConfigs.isolated().set("LLMOPS_PRICING_FILE", dir.resolve("missing.json").toString()).build())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("LLMOPS_PRICING_FILE");
  }

  @Test
  void anEndedOrNoopSpanIgnoresResponses() {
    Llmops.configure(TestConfigs.isolated().enabled(false).build());
    Span noop = Llmops.generation("off").start();
    assertThat(noop.recordLlmResponse(Fixtures.text("openai-chat.json"))).isSameAs(noop);
    noop.close();
  }
}
