package io.llmops.observability.processor;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.llmops.observability.otlp.OtlpReceiver;
import io.llmops.observability.processor.sink.SpanSink;
import io.opentelemetry.proto.trace.v1.Span;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The marks a merge puts on another service's spans reach Langfuse and OTLP as span metadata. */
class MergedSegmentsInTheSinksTest {

  private static final String TRACE = "87a41b12-cc61-4fdf-9bf2-a50a369b4d30";
  private static final String ROOT = "4bf92f35-77b3-4da6-a3ce-929d0e0e4736";
  private static final String CHILD_ROOT = "9a1b2c3d-4e5f-4a6b-8c7d-0e1f2a3b4c5d";
  private static final Duration BUDGET = Duration.ofSeconds(10);
  private static final MessageDecoder DECODER = new MessageDecoder(DecodeLimits.defaults());

  private static ObjectNode merged() {
    DecodedTrace parent = DECODER.decode(("{'trace_id':'" + TRACE + "','trace_name':'checkout','project_id':'shop',"
        + "'start_time':100.0,'end_time':101.0,'spans':[{'span_id':'" + ROOT + "','span_name':'checkout',"
        + "'span_type':'span','parent_span_id':null,'start_time':100.0,'end_time':101.0,'metadata':{}}]}")
        .replace('\'', '"')).trace();
    DecodedTrace child = DECODER.decode(("{'trace_id':'" + TRACE + "','is_child_segment':true,'segment_id':'seg-1',"
        + "'project_id':'billing','spans':[{'span_id':'" + CHILD_ROOT + "','span_name':'charge-card',"
        + "'span_type':'span','parent_span_id':'4bf92f3577b34da6','start_time':100.2,'end_time':100.4}]}")
        .replace('\'', '"')).trace();
    return TraceMerger.merge(parent, List.of(child)).trace();
  }

  @Test
  void theLangfuseAndOtlpSinksSendTheServiceOfAChildSegmentsSpansAsObservationMetadata() throws Exception {
    ObjectNode trace = merged();
    Set<String> spanIds = new LinkedHashSet<>(List.of(ROOT, CHILD_ROOT));
    ExportedTrace export = new ExportedTrace(TRACE, TRACE, trace, spanIds, false);

    try (OtlpReceiver langfuse = OtlpReceiver.start();
        OtlpReceiver otlp = OtlpReceiver.start();
        SpanSink toLangfuse = SpanSink.langfuse(Map.of("LANGFUSE_PUBLIC_KEY", "pk-lf-test",
            "LANGFUSE_SECRET_KEY", "sk-lf-test", "LANGFUSE_BASE_URL", langfuse.baseUrl()), BUDGET);
        SpanSink toOtlp = SpanSink.otlp(Map.of("OTEL_EXPORTER_OTLP_ENDPOINT", otlp.baseUrl()), BUDGET)) {
      toLangfuse.deliver(export);
      toOtlp.deliver(export);

      for (OtlpReceiver receiver : List.of(langfuse, otlp)) {
        Span child = named(receiver.spans(), "charge-card");
        assertThat(OtlpReceiver.text(child, "langfuse.observation.metadata.llmops.segment_service")).isEqualTo("billing");
        assertThat(OtlpReceiver.text(child, "langfuse.observation.metadata.llmops.segment_id")).isEqualTo("seg-1");
        assertThat(OtlpReceiver.text(named(receiver.spans(), "checkout"),
            "langfuse.observation.metadata.llmops.segment_service")).isNull();
      }
    }
  }

  private static Span named(List<Span> spans, String name) {
    return spans.stream().filter(span -> span.getName().equals(name)).findFirst()
        .orElseThrow(() -> new AssertionError("no span " + name));
  }
}
