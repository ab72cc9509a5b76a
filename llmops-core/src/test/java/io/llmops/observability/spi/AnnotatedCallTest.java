package io.llmops.observability.spi;

import static io.llmops.observability.testing.DecodedTraces.spansByName;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.llmops.observability.Llmops;
import io.llmops.observability.SpanType;
import io.llmops.observability.testing.Exported;
import io.llmops.observability.testing.TracingHarness;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/** One call of an annotated method, as the agent and Spring AOP both record it. */
@Timeout(60)
class AnnotatedCallTest {

  private static final String TRACE_ID = "4bf92f35-77b3-4da6-a3ce-929d0e0e4736";
  private static final String TRACEPARENT = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

  @RegisterExtension final TracingHarness tracing = new TracingHarness();

  private static AnnotatedMethod method(String name, SpanType type, String segmentName) {
    return new AnnotatedMethod("Owner#" + name, name, type, Map.of("tier", 2L), List.of("support"),
        true, true, false, false, new String[] {"system", "prompt"},
        type == SpanType.GENERATION ? "gpt-4o-mini" : "", "", 0,
        type == SpanType.GENERATION ? 1 : -1, EvaluationSettings.NONE, null, null, segmentName);
  }

  private JsonNode onlySpan(String name) {
    Llmops.flush(Duration.ofSeconds(5));
    return spansByName(Exported.onlyTrace(tracing.sink())).get(name);
  }

  @Test
  void aGenerationStartsFromTheAnnotationsValuesAndEndsWithTheResponseReadFromTheResult() {
    Object[] arguments = {"be brief", "capital of France?"};
    AnnotatedCall call = new AnnotatedCall(method("chat", SpanType.GENERATION, null), arguments);
    call.start(null, arguments);
    call.returned(Map.of("object", "chat.completion", "model", "gpt-4o-mini",
        "choices", List.of(Map.of("index", 0, "finish_reason", "stop",
            "message", Map.of("role", "assistant", "content", "Paris.")))));

    JsonNode span = onlySpan("chat");
    assertThat(span.get("span_type").asText()).isEqualTo("generation");
    assertThat(span.get("model_id").asText()).isEqualTo("gpt-4o-mini");
    assertThat(span.get("prompt").asText()).isEqualTo("capital of France?");
    assertThat(span.get("response").asText()).isEqualTo("Paris.");
    assertThat(span.at("/input_data/kwargs/system").asText()).isEqualTo("be brief");
    assertThat(span.at("/metadata/tier").asLong()).isEqualTo(2);
    assertThat(span.get("tags")).extracting(JsonNode::asText).containsExactly("support");
  }

  @Test
  void aStageThatFailsEndsTheSpanWithTheCauseUnwrappedFromTheCompletionException() {
    Object[] arguments = {"a", "b"};
    AnnotatedCall call = new AnnotatedCall(method("later", SpanType.SPAN, null), arguments);
    call.start(null, arguments);
    CompletableFuture<String> stage = new CompletableFuture<>();
    call.returned(stage);
    assertThat(call.handedOff()).isTrue();
    stage.completeExceptionally(new CompletionException(new IOException("disk gone")));

    JsonNode span = onlySpan("later");
    assertThat(span.get("status").asText()).isEqualTo("error");
    assertThat(span.get("error").asText()).isEqualTo("java.io.IOException: disk gone");
  }

  @Test
  void withTheCallersHeadersOutsideAnyTraceTheCallIsTheCallersChildSegment() {
    Object[] arguments = {Map.of("traceparent", TRACEPARENT, "x-llmops-trace-id", TRACE_ID),
        "question"};
    AnnotatedCall call = new AnnotatedCall(method("handle", SpanType.SPAN, "handler"), arguments);
    call.resumeSegment(arguments);
    call.start(null, arguments);
    call.returned("answer");
    call.endSegment("answer");

    Llmops.flush(Duration.ofSeconds(5));
    JsonNode trace = Exported.onlyTrace(tracing.sink());
    assertThat(trace.get("trace_id").asText()).isEqualTo(TRACE_ID);
    assertThat(trace.get("is_child_segment").asBoolean()).isTrue();
    assertThat(trace.get("trace_output").asText()).isEqualTo("answer");
    assertThat(spansByName(trace)).containsKey("handle");
  }
}
