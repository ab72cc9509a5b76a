package io.llmops.observability.processor;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The specification's own example traces and messages decode as its consumers read them. */
class SpecificationMessagesTest {

  private static final String SPEC_TRACE_ID = "87a41b12-cc61-4fdf-9bf2-a50a369b4d30";
  private final MessageDecoder decoder = new MessageDecoder(DecodeLimits.defaults());

  @ParameterizedTest
  @CsvSource({
      "/spec/trace-sdktracedata-section.json, SDKTraceData",
      "/spec/trace-sqs-schema-section.json, trace"})
  void anExampleTraceCompressedInTheExampleWrapperDecodes(String trace, String type) {
    DecodeResult result = decoder.decode(Bodies.compressed(SPEC_TRACE_ID, type, Bodies.resource(trace)));

    assertThat(result.decoded()).as("%s", result.rejection()).isTrue();
    assertThat(result.trace().traceId()).isEqualTo(SPEC_TRACE_ID);
    assertThat(result.trace().childSegment()).isFalse();
    assertThat(result.trace().hasExternalSegments()).isFalse();
    assertThat(result.trace().segmentId()).isNull();
    assertThat(result.trace().trace().get("spans")).hasSize(2);
  }

  @ParameterizedTest
  @ValueSource(strings = {"/spec/trace-sdktracedata-section.json", "/spec/trace-sqs-schema-section.json"})
  void anExampleTraceSentUncompressedIsItsOwnBody(String trace) {
    DecodeResult result = decoder.decode(Bodies.resource(trace));

    assertThat(result.decoded()).as("%s", result.rejection()).isTrue();
    assertThat(result.trace().trace().get("trace_name").asText()).isEqualTo("rag_pipeline_example");
  }

  /** The examples elide their data ("H4sI...") and are therefore no message a consumer can read. */
  @ParameterizedTest
  @ValueSource(strings = {"/spec/wrapper-sdktracedata.json", "/spec/wrapper-trace.json"})
  void theExampleWrappersWithElidedDataAreRejectedAsBadBase64(String wrapper) {
    DecodeResult result = decoder.decode(Bodies.resource(wrapper));

    assertThat(result.rejection().reason()).isEqualTo(RejectionReason.BAD_BASE64);
  }
}
