package io.llmops.observability.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import io.llmops.observability.Llmops;
import io.llmops.observability.Span;
import io.llmops.observability.SpanLevel;
import io.llmops.observability.SpanType;
import io.llmops.observability.TraceManager;
import io.llmops.observability.export.TraceMessage;
import io.llmops.observability.testing.CollectingSink;
import io.llmops.observability.testing.TestConfigs;
import io.llmops.observability.testing.WireDecoder;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Field names, JSON types and SDK-computed values of the wrapper, the trace and its spans. */
class WireFormatTest {

  private static final List<String> TRACE_FIELDS = List.of(
      "trace_id", "trace_name", "project_id", "environment", "user_id", "session_id",
      "start_time", "end_time", "duration_ms", "trace_input", "trace_output", "token_usage",
      "cost", "spans", "metadata", "tags", "total_spans", "total_generations", "sdk_name",
      "sdk_version", "idempotency_key", "is_child_segment", "has_external_segments",
      "external_segments_expected");
  private static final List<String> SPAN_FIELDS = List.of(
      "span_id", "span_name", "span_type", "parent_span_id", "start_time", "end_time",
      "duration_ms", "input_data", "output_data", "error", "model_id", "status",
      "status_message", "level", "metadata", "tags", "usage", "cost", "prompt", "response",
      "idempotency_key");

  private final CollectingSink sink = new CollectingSink();

  @BeforeEach
  void configure() {
    Llmops.configure(TestConfigs.isolated().projectId("new_test").environment("uat")
        .addSink(sink).build());
  }

  @AfterEach
  void shutdown() {
    Llmops.shutdown(Duration.ofSeconds(5));
  }

  private List<TraceMessage> flushed(int expected) {
    assertThat(Llmops.flush(Duration.ofSeconds(10))).isTrue();
    assertThat(sink.messages()).hasSize(expected);
    return sink.messages();
  }

  /** A RAG-like trace: a root span, a generation under it, a failing tool. */
  private String ragTrace() {
    String traceId = TraceManager.newTrace("rag_pipeline").userId("user_123")
        .sessionId("session_456").metadata("version", "1.0.0").tags("example", "rag").start();
    try (Span root = Llmops.span("retrieve_context").args("What is Android?").start()) {
      root.setLocal("top_k", 3).setSelf(Map.of("index", "docs")).setOutput(List.of("Doc 1", "Doc 2"));
      try (Span llm = Llmops.generation("call_llm").model("anthropic.claude-3-sonnet-20240229-v1:0")
          .input("prompt", "Question").prompt("Context: Doc 1\n\nQuestion").start()) {
        llm.setResponse("Android is a mobile OS").setUsage(145, 87).setCost(0.000435, 0.001305)
            .setOutput(Map.of("message", Map.of("content", "Android is a mobile OS")));
      }
      try (Span tool = Llmops.tool("lookup").start()) {
        tool.setLevel(SpanLevel.WARNING).recordException(new IllegalStateException("no index"));
      }
    }
    TraceManager.finalizeAndSend(Map.of("user_msg", "What is Android?"),
        Map.of("bot_response", "Android is a mobile OS"));
    return traceId;
  }

  private static Map<String, JsonNode> spansByName(JsonNode trace) {
    Map<String, JsonNode> byName = new java.util.HashMap<>();
    trace.get("spans").forEach(s -> byName.put(s.get("span_name").asText(), s));
    return byName;
  }

  private static List<String> names(JsonNode object) {
    List<String> names = new ArrayList<>();
    object.fieldNames().forEachRemaining(names::add);
    return names;
  }

  @Test
  void theWrapperHasExactlyTheSpecKeysAndCarriesGzipOfTheTrace() {
    String traceId = ragTrace();
    TraceMessage message = flushed(1).get(0);
    JsonNode wrapper = WireDecoder.wrapper(message.body());

    assertThat(names(wrapper)).containsExactly("compressed", "data", "trace_id", "type");
    assertThat(wrapper.get("compressed").isBoolean()).isTrue();
    assertThat(wrapper.get("compressed").asBoolean()).isTrue();
    assertThat(wrapper.get("type").asText()).isEqualTo("SDKTraceData");
    assertThat(wrapper.get("trace_id").asText()).isEqualTo(traceId);
    byte[] gzip = Base64.getDecoder().decode(wrapper.get("data").asText());
    assertThat(gzip[0] & 0xff).isEqualTo(0x1f);
    assertThat(gzip[1] & 0xff).isEqualTo(0x8b);
    assertThat(WireDecoder.trace(message.body()).get("trace_id").asText()).isEqualTo(traceId);
    assertThat(message.type()).isEqualTo("SDKTraceData");
  }

  @Test
  void everyTraceFieldIsPresentWithItsJsonType() {
    String traceId = ragTrace();
    JsonNode t = WireDecoder.trace(flushed(1).get(0).body());

    assertThat(names(t)).containsExactlyInAnyOrderElementsOf(TRACE_FIELDS);
    assertThat(t.get("trace_id").asText()).isEqualTo(traceId);
    assertThat(t.get("trace_name").asText()).isEqualTo("rag_pipeline");
    assertThat(t.get("project_id").asText()).isEqualTo("new_test");
    assertThat(t.get("environment").asText()).isEqualTo("uat");
    assertThat(t.get("is_child_segment").isBoolean()).isTrue();
    assertThat(t.get("is_child_segment").asBoolean()).isFalse();
    assertThat(t.get("has_external_segments").isBoolean()).isTrue();
    assertThat(t.get("has_external_segments").asBoolean()).isFalse();
    assertThat(t.get("external_segments_expected").isInt()).isTrue();
    assertThat(t.get("external_segments_expected").asInt()).isZero();
    assertThat(t.get("user_id").asText()).isEqualTo("user_123");
    assertThat(t.get("session_id").asText()).isEqualTo("session_456");
    assertThat(t.get("start_time").isFloatingPointNumber()).isTrue();
    assertThat(t.get("end_time").isFloatingPointNumber()).isTrue();
    assertThat(t.get("duration_ms").isIntegralNumber()).isTrue();
    double nowSeconds = System.currentTimeMillis() / 1000d;
    assertThat(t.get("start_time").asDouble()).isCloseTo(nowSeconds, within(60d));
    assertThat(t.get("end_time").asDouble()).isGreaterThanOrEqualTo(t.get("start_time").asDouble());
    assertThat(t.get("duration_ms").asLong()).isCloseTo(
        Math.round((t.get("end_time").asDouble() - t.get("start_time").asDouble()) * 1000), within(1L));
    assertThat(t.at("/trace_input/user_msg").asText()).isEqualTo("What is Android?");
    assertThat(t.at("/trace_output/bot_response").asText()).isEqualTo("Android is a mobile OS");
    assertThat(t.get("spans").isArray()).isTrue();
    assertThat(t.at("/metadata/version").asText()).isEqualTo("1.0.0");
    assertThat(t.get("tags")).extracting(JsonNode::asText).containsExactly("example", "rag");
    assertThat(t.get("sdk_name").asText()).isEqualTo("llmops-observability-java");
    assertThat(t.get("sdk_version").isTextual()).isTrue();
    assertThat(t.get("sdk_version").asText()).isNotBlank();
    assertThat(t.get("idempotency_key").asText()).matches("[0-9a-f]{32}");
  }

  @Test
  void everySpanFieldIsPresentWithItsJsonType() {
    ragTrace();
    JsonNode trace = WireDecoder.trace(flushed(1).get(0).body());
    trace.get("spans").forEach(s -> assertThat(names(s)).containsExactlyInAnyOrderElementsOf(SPAN_FIELDS));
    Map<String, JsonNode> spans = spansByName(trace);

    JsonNode root = spans.get("retrieve_context");
    assertThat(root.get("span_type").asText()).isEqualTo("span");
    assertThat(root.get("parent_span_id").isNull()).isTrue();
    assertThat(root.get("start_time").isFloatingPointNumber()).isTrue();
    assertThat(root.get("end_time").isFloatingPointNumber()).isTrue();
    assertThat(root.get("duration_ms").isIntegralNumber()).isTrue();
    assertThat(names(root.get("input_data"))).containsExactly("args", "kwargs", "locals", "self");
    assertThat(root.at("/input_data/args/0").asText()).isEqualTo("What is Android?");
    assertThat(root.at("/input_data/kwargs").isObject()).isTrue();
    assertThat(root.at("/input_data/locals/top_k").asInt()).isEqualTo(3);
    assertThat(root.at("/input_data/self/index").asText()).isEqualTo("docs");
    assertThat(names(root.get("output_data"))).containsExactly("output");
    assertThat(root.at("/output_data/output/1").asText()).isEqualTo("Doc 2");
    assertThat(root.get("error").isNull()).isTrue();
    assertThat(root.get("model_id").isNull()).isTrue();
    assertThat(root.get("status").asText()).isEqualTo("success");
    assertThat(root.get("status_message").isNull()).isTrue();
    assertThat(root.get("level").asText()).isEqualTo("DEFAULT");
    assertThat(root.get("tags").isArray()).isTrue();
    assertThat(root.get("usage").isNull()).isTrue();
    assertThat(root.get("cost").isNull()).isTrue();
    assertThat(root.get("prompt").isNull()).isTrue();
    assertThat(root.get("response").isNull()).isTrue();
    assertThat(root.get("idempotency_key").asText()).matches("[0-9a-f]{32}");

    JsonNode llm = spans.get("call_llm");
    assertThat(llm.get("span_type").asText()).isEqualTo("generation");
    assertThat(llm.get("parent_span_id").asText()).isEqualTo(root.get("span_id").asText());
    assertThat(names(llm.get("input_data"))).containsExactly("args", "kwargs", "locals");
    assertThat(llm.at("/input_data/kwargs/prompt").asText()).isEqualTo("Question");
    assertThat(llm.at("/output_data/output/message/content").asText()).isEqualTo("Android is a mobile OS");
    assertThat(llm.get("model_id").asText()).isEqualTo("anthropic.claude-3-sonnet-20240229-v1:0");
    assertThat(names(llm.get("usage"))).containsExactly("input_tokens", "output_tokens", "total_tokens");
    assertThat(llm.at("/usage/input_tokens").isIntegralNumber()).isTrue();
    assertThat(llm.at("/usage/total_tokens").asLong()).isEqualTo(232);
    assertThat(names(llm.get("cost"))).containsExactly("input_cost", "output_cost", "total_cost");
    assertThat(llm.at("/cost/total_cost").asDouble()).isCloseTo(0.00174, within(1e-12));
    assertThat(llm.get("prompt").asText()).isEqualTo("Context: Doc 1\n\nQuestion");
    assertThat(llm.get("response").asText()).isEqualTo("Android is a mobile OS");

    JsonNode tool = spans.get("lookup");
    assertThat(tool.get("span_type").asText()).isEqualTo("tool");
    assertThat(tool.get("status").asText()).isEqualTo("error");
    assertThat(tool.get("level").asText()).isEqualTo("ERROR");
    assertThat(tool.get("error").asText()).isEqualTo("java.lang.IllegalStateException: no index");
    assertThat(tool.get("status_message").asText()).isEqualTo("no index");
    assertThat(tool.at("/metadata/exception.type").asText()).isEqualTo("java.lang.IllegalStateException");
    assertThat(tool.at("/metadata/exception.message").asText()).isEqualTo("no index");
    assertThat(tool.at("/metadata/exception.stacktrace").asText())
        .startsWith("java.lang.IllegalStateException: no index").contains("WireFormatTest");
  }

  @Test
  void environmentAndProjectIdAreInjectedIntoEverySpanAndWinOverUserMetadata() {
    TraceManager.newTrace("override").projectId("other_project").environment("prod").start();
    try (Span outer = Llmops.agent("agent").metadata("environment", "spoofed").start()) {
      outer.setMetadata("channel", "web");
      Llmops.tool("inner").run(() -> { });
    }
    TraceManager.endTrace();
    JsonNode trace = WireDecoder.trace(flushed(1).get(0).body());

    assertThat(trace.get("project_id").asText()).isEqualTo("other_project");
    assertThat(trace.get("environment").asText()).isEqualTo("prod");
    assertThat(trace.get("spans")).hasSize(2).allSatisfy(span -> {
      assertThat(span.at("/metadata/environment").asText()).isEqualTo("prod");
      assertThat(span.at("/metadata/project_id").asText()).isEqualTo("other_project");
    });
    assertThat(spansByName(trace).get("agent").at("/metadata/channel").asText()).isEqualTo("web");
  }

  @Test
  void traceRollUpsSumTheSpans() {
    TraceManager.startTrace("rollups");
    try (Span a = Llmops.generation("first").start()) {
      a.setUsage(100, 50).setCost(0.001, 0.002);
    }
    try (Span b = Llmops.generation("second").start()) {
      b.setUsage(20, 5).setCost(0.0005, 0.0001);
    }
    Llmops.span("plain").run(() -> { });
    Llmops.agent("no_usage_generation_sibling").run(() -> { });
    TraceManager.endTrace();
    JsonNode trace = WireDecoder.trace(flushed(1).get(0).body());

    assertThat(names(trace.get("token_usage")))
        .containsExactly("total_input_tokens", "total_output_tokens", "total_tokens");
    assertThat(trace.at("/token_usage/total_input_tokens").asLong()).isEqualTo(120);
    assertThat(trace.at("/token_usage/total_output_tokens").asLong()).isEqualTo(55);
    assertThat(trace.at("/token_usage/total_tokens").asLong()).isEqualTo(175);
    assertThat(trace.at("/cost/total_cost").asDouble()).isCloseTo(0.0036, within(1e-12));
    assertThat(trace.get("total_spans").asInt()).isEqualTo(4).isEqualTo(trace.get("spans").size());
    assertThat(trace.get("total_generations").asInt()).isEqualTo(2);
  }

  @Test
  void aTraceWithoutUsageHasZeroRollUps() {
    TraceManager.startTrace("empty");
    TraceManager.endTrace();
    JsonNode trace = WireDecoder.trace(flushed(1).get(0).body());
    assertThat(trace.at("/token_usage/total_tokens").asLong()).isZero();
    assertThat(trace.at("/cost/total_cost").asDouble()).isZero();
    assertThat(trace.get("total_spans").asInt()).isZero();
    assertThat(trace.get("spans")).isEmpty();
    assertThat(trace.get("trace_input").isNull()).isTrue();
    assertThat(trace.get("user_id").isNull()).isTrue();
  }

  @Test
  void everySpanTypeIsWrittenByItsWireName() {
    TraceManager.startTrace("types");
    for (SpanType type : SpanType.values()) {
      Llmops.spanBuilder("s_" + type.name(), type).run(() -> { });
    }
    TraceManager.endTrace();
    JsonNode trace = WireDecoder.trace(flushed(1).get(0).body());

    Map<String, JsonNode> spans = spansByName(trace);
    assertThat(spans).hasSize(SpanType.values().length);
    for (SpanType type : SpanType.values()) {
      assertThat(spans.get("s_" + type.name()).get("span_type").asText()).isEqualTo(type.wireName());
    }
    assertThat(List.of(SpanType.values())).extracting(SpanType::wireName).containsExactly(
        "span", "generation", "agent", "tool", "evaluation", "transaction", "crawl_session",
        "crawl_page", "crawl_event");
    assertThat(trace.get("total_generations").asInt()).isEqualTo(1);
  }

  @Test
  void idempotencyKeysAreUniqueAcrossTracesAndSpansAndMatchTheMessage() {
    ragTrace();
    ragTrace();
    List<TraceMessage> messages = flushed(2);
    Function<TraceMessage, JsonNode> decode = m -> WireDecoder.trace(m.body());
    JsonNode first = decode.apply(messages.get(0));
    JsonNode second = decode.apply(messages.get(1));

    assertThat(messages.get(0).idempotencyKey()).isEqualTo(first.get("idempotency_key").asText());
    assertThat(first.get("idempotency_key").asText()).isNotEqualTo(second.get("idempotency_key").asText());
    List<String> keys = new ArrayList<>();
    for (JsonNode trace : List.of(first, second)) {
      keys.add(trace.get("idempotency_key").asText());
      trace.get("spans").forEach(s -> keys.add(s.get("idempotency_key").asText()));
    }
    assertThat(keys).hasSize(8).doesNotHaveDuplicates().allMatch(k -> k.matches("[0-9a-f]{32}"));
  }
}
