package io.llmops.observability.otlp;

import static io.llmops.observability.otlp.OtlpReceiver.attribute;
import static io.llmops.observability.otlp.OtlpReceiver.hex;
import static io.llmops.observability.otlp.OtlpReceiver.text;
import static org.assertj.core.api.Assertions.assertThat;

import io.llmops.observability.export.ExportResult;
import io.llmops.observability.export.SinkMetrics;
import io.llmops.observability.export.TraceSink;
import io.opentelemetry.proto.trace.v1.Span;
import io.opentelemetry.proto.trace.v1.Status;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What Langfuse and a GenAI-aware backend read from the langfuse sink, decoded from the wire. */
class LangfuseIngestionTest {

  private final OtlpReceiver receiver = OtlpReceiver.start();
  private final SinkMetrics metrics = SinkMetrics.detached();
  private final TraceSink sink =
      new LangfuseSinkProvider().create(SinkTesting.langfuse(receiver).build(), metrics);

  @AfterEach
  void stop() {
    sink.shutdown(Duration.ofSeconds(1));
    receiver.close();
  }

  private Map<String, Span> exportFixture() {
    ExportResult result = sink.export(List.of(SinkTesting.everySpanTypeMessage()));
    assertThat(result.isSuccess()).as(String.valueOf(result)).isTrue();
    return receiver.spans().stream().collect(Collectors.toMap(Span::getName, Function.identity()));
  }

  @Test
  void theRequestIsGzippedProtobufToLangfusesEndpointWithBasicAuthAndIngestionVersion4() {
    exportFixture();
    OtlpReceiver.Received request = receiver.requests().get(0);
    assertThat(request.path()).isEqualTo("/api/public/otel/v1/traces");
    assertThat(request.header("Authorization")).isEqualTo("Basic "
        + Base64.getEncoder().encodeToString("pk-lf-test:sk-lf-test".getBytes(StandardCharsets.UTF_8)));
    assertThat(request.header("x-langfuse-ingestion-version")).isEqualTo("4");
    assertThat(request.header("Content-Type")).contains("application/x-protobuf");
    assertThat(request.header("Content-Encoding")).isEqualTo("gzip");
  }

  @Test
  void everySpanArrivesOnceWithItsIdsParentsAndTimes() {
    Map<String, Span> spans = exportFixture();
    assertThat(receiver.spans()).hasSize(6);
    Span root = spans.get("support_agent");
    assertThat(hex(root.getTraceId())).isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
    assertThat(hex(root.getSpanId())).isEqualTo("1111111122224333");
    assertThat(root.getParentSpanId().isEmpty()).isTrue();
    assertThat(hex(spans.get("call_llm").getParentSpanId())).isEqualTo("1111111122224333");
    assertThat(hex(spans.get("faithfulness").getParentSpanId())).isEqualTo("6666666677774888");
    assertThat(root.getStartTimeUnixNano()).isEqualTo(1_769_446_311_021_000_000L);
    assertThat(root.getEndTimeUnixNano()).isEqualTo(1_769_446_313_500_250_000L);
    assertThat(metrics.get(OtlpSettings.spansSent("langfuse"))).isEqualTo(6);
  }

  @Test
  void langfuseReadsTypesModelUsageCostAndInputOutput() {
    Map<String, Span> spans = exportFixture();
    Span generation = spans.get("call_llm");
    assertThat(text(generation, "langfuse.observation.type")).isEqualTo("generation");
    assertThat(text(generation, "langfuse.observation.model.name"))
        .isEqualTo("anthropic.claude-3-sonnet-20240229-v1:0");
    assertThat(text(generation, "langfuse.observation.usage_details")).contains("\"input\":300")
        .contains("\"input_cached_tokens\":800").contains("\"output_reasoning_tokens\":50");
    assertThat(text(generation, "langfuse.observation.cost_details")).contains("\"total\":0.0125");
    assertThat(text(generation, "langfuse.observation.input")).isEqualTo("\"Where is my order?\"");
    assertThat(text(spans.get("support_agent"), "langfuse.observation.cost_details")).isNull();
    assertThat(text(spans.get("faithfulness"), "langfuse.observation.type")).isEqualTo("evaluator");
    assertThat(text(spans.get("lookup_order"), "langfuse.observation.type")).isEqualTo("tool");
    assertThat(text(spans.get("charge_card"), "langfuse.observation.metadata.type")).isEqualTo("transaction");
  }

  @Test
  void aGenAiBackendReadsOperationModelTokensAndTool() {
    Map<String, Span> spans = exportFixture();
    Span generation = spans.get("call_llm");
    assertThat(text(generation, "gen_ai.operation.name")).isEqualTo("chat");
    assertThat(text(generation, "gen_ai.request.model")).isEqualTo("anthropic.claude-3-sonnet-20240229-v1:0");
    assertThat(attribute(generation.getAttributesList(), "gen_ai.usage.input_tokens").getIntValue()).isEqualTo(1200);
    assertThat(attribute(generation.getAttributesList(), "gen_ai.usage.output_tokens").getIntValue()).isEqualTo(300);
    assertThat(attribute(generation.getAttributesList(), "gen_ai.response.finish_reasons")
        .getArrayValue().getValues(0).getStringValue()).isEqualTo("end_turn");
    Span tool = spans.get("lookup_order");
    assertThat(text(tool, "gen_ai.operation.name")).isEqualTo("execute_tool");
    assertThat(text(tool, "gen_ai.tool.call.id")).isEqualTo("call_42");
    assertThat(text(spans.get("support_agent"), "gen_ai.operation.name")).isNull();
  }

  @Test
  void userSessionTagsAndEnvironmentAreOnEverySpanAndTheResourceNamesTheService() {
    exportFixture();
    for (Span span : receiver.spans()) {
      assertThat(text(span, "langfuse.user.id")).isEqualTo("user-7");
      assertThat(text(span, "langfuse.session.id")).isEqualTo("session-3");
      assertThat(text(span, "langfuse.environment")).isEqualTo("default");
      assertThat(attribute(span.getAttributesList(), "langfuse.trace.tags").getArrayValue().getValuesCount())
          .isEqualTo(2);
    }
    var resource = receiver.requests().get(0).body().getResourceSpans(0).getResource();
    assertThat(attribute(resource.getAttributesList(), "service.name").getStringValue()).isEqualTo("support_bot");
    assertThat(receiver.requests().get(0).body().getResourceSpans(0).getScopeSpans(0).getScope().getName())
        .isEqualTo("llmops-observability-java");
  }

  @Test
  void aFailedSpanArrivesWithAnErrorStatus() {
    Map<String, Span> spans = exportFixture();
    Span failed = spans.get("charge_card");
    assertThat(failed.getStatus().getCode()).isEqualTo(Status.StatusCode.STATUS_CODE_ERROR);
    assertThat(failed.getStatus().getMessage()).isEqualTo("card declined");
    assertThat(text(failed, "langfuse.observation.level")).isEqualTo("ERROR");
    assertThat(spans.get("call_llm").getStatus().getCode()).isEqualTo(Status.StatusCode.STATUS_CODE_OK);
  }

  @Test
  void aTraceHandedOverAgainAfterASuccessIsNotSentTwice() {
    exportFixture();
    assertThat(sink.export(List.of(SinkTesting.everySpanTypeMessage())).isSuccess()).isTrue();
    assertThat(receiver.requests()).hasSize(1);
    assertThat(metrics.get(OtlpSettings.duplicatesSkipped("langfuse"))).isEqualTo(6);
  }

  @Test
  void aTraceHandedOverTwiceInOneCallIsSentOnce() {
    assertThat(sink.export(List.of(SinkTesting.everySpanTypeMessage(),
        SinkTesting.everySpanTypeMessage())).isSuccess()).isTrue();

    assertThat(receiver.requests()).hasSize(1);
    assertThat(receiver.requests().get(0).body().getResourceSpans(0).getScopeSpans(0)
        .getSpansCount()).isEqualTo(6);
    assertThat(metrics.get(OtlpSettings.duplicatesSkipped("langfuse"))).isEqualTo(6);
  }
}
