package io.llmops.observability.otlp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.llmops.observability.otlp.OtlpTraceConverter.ConvertedTrace;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class OtlpTraceConverterTest {

  private final ConvertedTrace trace = OtlpTraceConverter.create(null).convert(Fixtures.everySpanType());

  private SpanData span(String name) {
    return trace.spans().stream().filter(s -> s.getName().equals(name)).findFirst().orElseThrow();
  }

  private static String text(SpanData span, String key) {
    return span.getAttributes().get(AttributeKey.stringKey(key));
  }

  private static Long number(SpanData span, String key) {
    return span.getAttributes().get(AttributeKey.longKey(key));
  }

  @Test
  void idsFollowTheW3cMappingOfTheWireFormat() {
    assertThat(trace.traceId()).isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
    SpanData tool = span("lookup_order");
    assertThat(tool.getTraceId()).isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
    assertThat(tool.getSpanId()).isEqualTo("a1b2c3d4e5f64a7b");
    assertThat(tool.getParentSpanId()).isEqualTo("1111111122224333");
    assertThat(span("support_agent").getParentSpanContext().isValid()).isFalse();
    assertThat(trace.skippedSpans()).isZero();
  }

  @Test
  void timesKeepTheirMicroseconds() {
    SpanData root = span("support_agent");
    assertThat(root.getStartEpochNanos()).isEqualTo(1_769_446_311_021_000_000L);
    assertThat(root.getEndEpochNanos()).isEqualTo(1_769_446_313_500_250_000L);
  }

  @Test
  void aGenerationCarriesModelUsageAndCostForBothReaders() {
    SpanData generation = span("call_llm");
    assertThat(generation.getKind()).isEqualTo(SpanKind.CLIENT);
    assertThat(text(generation, "gen_ai.operation.name")).isEqualTo("chat");
    assertThat(text(generation, "gen_ai.request.model")).isEqualTo("anthropic.claude-3-sonnet-20240229-v1:0");
    assertThat(text(generation, "gen_ai.response.model")).isEqualTo("anthropic.claude-3-sonnet-20240229-v1:0");
    assertThat(text(generation, "langfuse.observation.model.name")).isEqualTo("anthropic.claude-3-sonnet-20240229-v1:0");
    assertThat(number(generation, "gen_ai.usage.input_tokens")).isEqualTo(1200);
    assertThat(number(generation, "gen_ai.usage.output_tokens")).isEqualTo(300);
    assertThat(number(generation, "gen_ai.usage.cache_read.input_tokens")).isEqualTo(800);
    assertThat(generation.getAttributes().get(AttributeKey.stringArrayKey("gen_ai.response.finish_reasons")))
        .containsExactly("end_turn");
    // disjoint buckets: Langfuse sums them into the total
    assertThat(text(generation, "langfuse.observation.usage_details")).isEqualTo(
        "{\"input\":300,\"output\":250,\"input_cached_tokens\":800,\"input_cache_creation\":100,"
            + "\"output_reasoning_tokens\":50}");
    assertThat(text(generation, "langfuse.observation.cost_details"))
        .isEqualTo("{\"input\":0.0075,\"output\":0.005,\"total\":0.0125}");
    assertThat(text(generation, "langfuse.observation.input")).isEqualTo("\"Where is my order?\"");
    assertThat(text(generation, "langfuse.observation.output")).isEqualTo("\"It ships today.\"");
    assertThat(text(generation, "langfuse.observation.completion_start_time"))
        .isEqualTo("2026-01-26T16:51:52.050Z");
  }

  @Test
  void costAndUsageStayOnTheSpansThatIncurredThem() {
    for (String name : List.of("support_agent", "lookup_order", "faithfulness")) {
      assertThat(text(span(name), "langfuse.observation.cost_details")).as(name).isNull();
      assertThat(text(span(name), "langfuse.observation.usage_details")).as(name).isNull();
    }
  }

  @Test
  void everySpanTypeMapsToLangfusesClosestTypeAndKeepsItsOwn() {
    assertThat(text(span("support_agent"), "langfuse.observation.type")).isEqualTo("agent");
    assertThat(text(span("lookup_order"), "langfuse.observation.type")).isEqualTo("tool");
    assertThat(text(span("call_llm"), "langfuse.observation.type")).isEqualTo("generation");
    assertThat(text(span("faithfulness"), "langfuse.observation.type")).isEqualTo("evaluator");
    assertThat(text(span("charge_card"), "langfuse.observation.type")).isEqualTo("chain");
    assertThat(text(span("crawl_docs"), "langfuse.observation.type")).isEqualTo("event");
    assertThat(text(span("charge_card"), "langfuse.observation.metadata.type")).isEqualTo("transaction");
  }

  @Test
  void anAgentSpanNamesNoOperationThatWouldMakeLangfuseDropItsModel() {
    SpanData agent = span("support_agent");
    assertThat(text(agent, "gen_ai.operation.name")).isNull();
    assertThat(text(agent, "langfuse.observation.model.name")).isNotNull();
  }

  @Test
  void aToolNamesItselfAndItsCall() {
    SpanData tool = span("lookup_order");
    assertThat(text(tool, "gen_ai.operation.name")).isEqualTo("execute_tool");
    assertThat(text(tool, "gen_ai.tool.name")).isEqualTo("lookup_order");
    assertThat(text(tool, "gen_ai.tool.call.id")).isEqualTo("call_42");
    assertThat(text(tool, "langfuse.observation.input")).isEqualTo("{\"args\":[\"A-17\"],\"kwargs\":{}}");
  }

  @Test
  void traceLevelAttributesAreOnEverySpanWithTheEnvironmentNormalised() {
    for (SpanData span : trace.spans()) {
      assertThat(text(span, "langfuse.trace.name")).isEqualTo("support_chat");
      assertThat(text(span, "langfuse.user.id")).isEqualTo("user-7");
      assertThat(text(span, "langfuse.session.id")).isEqualTo("session-3");
      assertThat(span.getAttributes().get(AttributeKey.stringArrayKey("langfuse.trace.tags")))
          .containsExactly("support", "beta");
      assertThat(text(span, "langfuse.release")).isEqualTo("2026.08.1");
      assertThat(text(span, "langfuse.version")).isEqualTo("3.4.0");
      // "Langfuse-Staging EU": lower case, prefix stripped, and the space makes it invalid
      assertThat(text(span, "langfuse.environment")).isEqualTo("default");
    }
  }

  @Test
  void traceMetadataInputAndOutputGoOnTheRootOnly() {
    SpanData root = span("support_agent");
    assertThat(text(root, "langfuse.trace.metadata.customer_tier")).isEqualTo("gold");
    assertThat(text(root, "langfuse.trace.input")).isEqualTo("{\"question\":\"Where is my order?\"}");
    assertThat(text(span("call_llm"), "langfuse.trace.metadata.customer_tier")).isNull();
    assertThat(text(span("call_llm"), "langfuse.trace.input")).isNull();
  }

  @Test
  void metadataBecomesPrimitivesArraysOrJsonText() {
    SpanData generation = span("call_llm");
    assertThat(number(generation, "langfuse.observation.metadata.attempt")).isEqualTo(2);
    assertThat(generation.getAttributes().get(AttributeKey.doubleKey("langfuse.observation.metadata.ratio")))
        .isEqualTo(0.5);
    assertThat(generation.getAttributes().get(AttributeKey.booleanArrayKey("langfuse.observation.metadata.flags")))
        .containsExactly(true, false);
    assertThat(text(generation, "langfuse.observation.metadata.nested")).isEqualTo("{\"a\":1}");
    assertThat(generation.getAttributes().get(AttributeKey.stringArrayKey("langfuse.observation.metadata.tags")))
        .containsExactly("llm");
  }

  @Test
  void aFailedSpanHasAnErrorStatusLevelAndExceptionEvent() {
    SpanData failed = span("charge_card");
    assertThat(failed.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
    assertThat(failed.getStatus().getDescription()).isEqualTo("card declined");
    assertThat(text(failed, "langfuse.observation.level")).isEqualTo("ERROR");
    assertThat(text(failed, "langfuse.observation.status_message")).isEqualTo("card declined");
    assertThat(failed.getEvents()).singleElement().satisfies(event -> {
      assertThat(event.getName()).isEqualTo("exception");
      assertThat(event.getAttributes().get(AttributeKey.stringKey("exception.type")))
          .isEqualTo("java.lang.IllegalStateException");
    });
    assertThat(span("call_llm").getStatus().getStatusCode()).isEqualTo(StatusCode.OK);
  }

  @Test
  void anEvaluationCarriesItsVerdictUnderTheGenAiEvaluationKeys() {
    SpanData evaluation = span("faithfulness");
    assertThat(evaluation.getAttributes().get(AttributeKey.doubleKey("gen_ai.evaluation.score.value")))
        .isEqualTo(0.9);
    assertThat(text(evaluation, "gen_ai.evaluation.score.label")).isEqualTo("faithful");
    assertThat(text(evaluation, "gen_ai.evaluation.explanation")).isEqualTo("matches the order record");
  }

  @Test
  void theResourceNamesTheServiceTheEnvironmentAndTheSdk() {
    var resource = span("call_llm").getResource();
    assertThat(resource.getAttribute(AttributeKey.stringKey("service.name"))).isEqualTo("support_bot");
    assertThat(resource.getAttribute(AttributeKey.stringKey("service.version"))).isEqualTo("3.4.0");
    assertThat(resource.getAttribute(AttributeKey.stringKey("deployment.environment.name")))
        .isEqualTo("Langfuse-Staging EU");
    assertThat(resource.getAttribute(AttributeKey.stringKey("telemetry.sdk.name")))
        .isEqualTo("llmops-observability-java");
    assertThat(OtlpTraceConverter.create("checkout").convert(Fixtures.everySpanType()).spans().get(0)
        .getResource().getAttribute(AttributeKey.stringKey("service.name"))).isEqualTo("checkout");
  }

  @Test
  void aChildSegmentsRootPointsAtTheCallersSpanId() {
    String segment = "{\"trace_id\":\"4bf92f3577b34da6a3ce929d0e0e4736\",\"is_child_segment\":true,"
        + "\"spans\":[{\"span_id\":\"0f0e0d0c-0b0a-4908-8706-050403020100\",\"span_name\":\"handle\","
        + "\"span_type\":\"span\",\"parent_span_id\":\"00f067aa0ba902b7\",\"start_time\":1.5,\"end_time\":2}]}";
    SpanData root = OtlpTraceConverter.create(null).convert(segment.getBytes(StandardCharsets.UTF_8))
        .spans().get(0);
    assertThat(root.getParentSpanId()).isEqualTo("00f067aa0ba902b7");
    assertThat(root.getSpanId()).isEqualTo("0f0e0d0c0b0a4908");
  }

  @Test
  void spansWithIdsLangfuseWouldRejectAreLeftOutAndCounted() {
    String json = "{\"trace_id\":\"4bf92f3577b34da6a3ce929d0e0e4736\",\"spans\":["
        + "{\"span_id\":\"not-an-id\",\"span_name\":\"a\",\"start_time\":1,\"end_time\":2},"
        + "{\"span_id\":\"00000000-0000-0000-8000-000000000000\",\"span_name\":\"b\",\"start_time\":1,\"end_time\":2},"
        + "{\"span_id\":\"0f0e0d0c-0b0a-4908-8706-050403020100\",\"parent_span_id\":\"zz\",\"span_name\":\"c\",\"start_time\":1,\"end_time\":2},"
        + "{\"span_id\":\"0f0e0d0c-0b0a-4908-8706-050403020100\",\"span_name\":\"d\",\"start_time\":1,\"end_time\":2},"
        + "{\"span_id\":\"0f0e0d0c-0b0a-4908-ffff-050403020100\",\"span_name\":\"e\",\"start_time\":1,\"end_time\":2}]}";
    ConvertedTrace converted = OtlpTraceConverter.create(null).convert(json.getBytes(StandardCharsets.UTF_8));
    assertThat(converted.spans()).extracting(SpanData::getName).containsExactly("d");
    assertThat(converted.skippedSpans()).isEqualTo(4);
  }

  @Test
  void somethingThatIsNotATraceIsRejectedNamingTheField() {
    assertThatThrownBy(() -> OtlpTraceConverter.create(null).convert("{\"trace_id\":\"x\",\"spans\":[]}"
        .getBytes(StandardCharsets.UTF_8))).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("trace_id");
    assertThatThrownBy(() -> OtlpTraceConverter.create(null).convert("[1]".getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("traceJson");
    assertThatThrownBy(() -> OtlpTraceConverter.create(" "))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("serviceName");
  }

  @Test
  void aTraceForAW3cOnlyCallerJoinsTheCallersTraceOnlyWhenAsked() {
    String json = "{\"trace_id\":\"4bf92f35-77b3-4da6-a3ce-929d0e0e4736\","
        + "\"metadata\":{\"llmops.remote_parent_span_id\":\"00f067aa0ba902b7\"},\"spans\":["
        + "{\"span_id\":\"0f0e0d0c-0b0a-4908-8706-050403020100\",\"span_name\":\"GET /profile\","
        + "\"start_time\":1,\"end_time\":2},"
        + "{\"span_id\":\"1f0e0d0c-0b0a-4908-8706-050403020100\",\"parent_span_id\":"
        + "\"0f0e0d0c-0b0a-4908-8706-050403020100\",\"span_name\":\"lookup\",\"start_time\":1,"
        + "\"end_time\":2}]}";
    byte[] bytes = json.getBytes(StandardCharsets.UTF_8);

    ConvertedTrace linked = OtlpTraceConverter.create(null).convert(bytes, true);
    ConvertedTrace forLangfuse = OtlpTraceConverter.create(null).convert(bytes);

    SpanData root = linked.spans().get(0);
    assertThat(root.getParentSpanId()).isEqualTo("00f067aa0ba902b7");
    assertThat(root.getParentSpanContext().isRemote()).isTrue();
    assertThat(linked.spans().get(1).getParentSpanId()).isEqualTo("0f0e0d0c0b0a4908");
    assertThat(forLangfuse.spans().get(0).getParentSpanContext().isValid()).isFalse();
  }
}
