package io.llmops.observability.wire;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.llmops.observability.Llmops;
import io.llmops.observability.Span;
import io.llmops.observability.SpanType;
import io.llmops.observability.TraceManager;
import io.llmops.observability.testing.CollectingSink;
import io.llmops.observability.testing.TracingHarness;
import io.llmops.observability.testing.SchemaValidator;
import io.llmops.observability.testing.WireDecoder;
import java.io.InputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The schemas accept what the SDK writes and reject what breaks the contract. */
class SchemaContractTest {

  @RegisterExtension final TracingHarness tracing = new TracingHarness();
  private final CollectingSink sink = tracing.sink();

  private String oneBody() {
    TraceManager.startTrace("schema_probe");
    try (Span llm = Llmops.generation("call_llm").model("m").prompt("hi").start()) {
      llm.setResponse("hello").setUsage(3, 4).setCost(0.1, 0.2).setOutput("hello");
    }
    TraceManager.finalizeAndSend("in", "out");
    assertThat(Llmops.flush(Duration.ofSeconds(5))).isTrue();
    assertThat(sink.messages()).hasSize(1);
    return sink.messages().get(0).body();
  }

  @Test
  void aRealMessageIsValid() {
    assertThat(SchemaValidator.validateBody(oneBody())).isEmpty();
  }

  @Test
  void theWrapperSchemaRejectsBrokenWrappers() {
    ObjectNode wrapper = (ObjectNode) WireDecoder.wrapper(oneBody());
    assertThat(SchemaValidator.validateWrapper(wrapper.deepCopy().put("type", "other"))).isNotEmpty();
    assertThat(SchemaValidator.validateWrapper(wrapper.deepCopy().put("compressed", "yes"))).isNotEmpty();
    assertThat(SchemaValidator.validateWrapper(wrapper.deepCopy().put("data", "not base64!"))).isNotEmpty();
    ObjectNode missing = wrapper.deepCopy();
    missing.remove("trace_id");
    assertThat(SchemaValidator.validateWrapper(missing)).isNotEmpty();
    assertThat(SchemaValidator.validateWrapper(wrapper.deepCopy().put("type", "trace"))).isEmpty();
  }

  @Test
  void theTraceSchemaRejectsBrokenTraces() {
    ObjectNode trace = (ObjectNode) WireDecoder.trace(oneBody());
    assertThat(SchemaValidator.validateTrace(trace)).isEmpty();

    ObjectNode noTotal = trace.deepCopy();
    noTotal.remove("total_spans");
    assertThat(SchemaValidator.validateTrace(noTotal)).isNotEmpty();
    assertThat(SchemaValidator.validateTrace(trace.deepCopy().put("duration_ms", 1.5))).isNotEmpty();
    assertThat(SchemaValidator.validateTrace(trace.deepCopy().put("idempotency_key", "xyz"))).isNotEmpty();

    assertThat(SchemaValidator.validateTrace(withSpan(trace, "span_type", "llm"))).isNotEmpty();
    assertThat(SchemaValidator.validateTrace(withSpan(trace, "status", "ok"))).isNotEmpty();
    assertThat(SchemaValidator.validateTrace(withSpan(trace, "level", "INFO"))).isNotEmpty();
    ObjectNode badOutput = trace.deepCopy();
    ((ObjectNode) badOutput.at("/spans/0")).putObject("output_data").put("result", 1);
    assertThat(SchemaValidator.validateTrace(badOutput)).isNotEmpty();
    ObjectNode badMarker = trace.deepCopy();
    ((ObjectNode) badMarker.at("/spans/0")).putObject("input_data").put("truncated", true);
    assertThat(SchemaValidator.validateTrace(badMarker)).isNotEmpty();
    ObjectNode noEnv = trace.deepCopy();
    ((ObjectNode) noEnv.at("/spans/0/metadata")).remove("environment");
    assertThat(SchemaValidator.validateTrace(noEnv)).isNotEmpty();
    ObjectNode noPrompt = trace.deepCopy();
    ((ObjectNode) noPrompt.at("/spans/0")).remove("prompt");
    assertThat(SchemaValidator.validateTrace(noPrompt)).isNotEmpty();
  }

  @Test
  void theSchemaSpanTypesAreExactlyTheSdkSpanTypes() throws Exception {
    try (InputStream in = getClass().getResourceAsStream("/schema/trace.schema.json")) {
      JsonNode schema = WireDecoder.JSON.readTree(in);
      List<String> inSchema = new ArrayList<>();
      schema.at("/$defs/span/properties/span_type/enum").forEach(n -> inSchema.add(n.asText()));
      assertThat(inSchema).containsExactlyInAnyOrderElementsOf(
          Arrays.stream(SpanType.values()).map(SpanType::wireName).toList());
    }
  }

  private static ObjectNode withSpan(ObjectNode trace, String field, String value) {
    ObjectNode copy = trace.deepCopy();
    ((ObjectNode) copy.at("/spans/0")).put(field, value);
    return copy;
  }
}
