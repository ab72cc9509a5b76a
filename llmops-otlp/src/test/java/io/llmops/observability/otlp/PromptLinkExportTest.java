package io.llmops.observability.otlp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.llmops.observability.export.ExportResult;
import io.llmops.observability.export.SinkMetrics;
import io.llmops.observability.export.TraceMessage;
import io.llmops.observability.export.TraceSink;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.trace.v1.Span;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A generation that names its managed prompt ({@code prompt.name}, {@code prompt.version} in its
 * metadata) carries Langfuse's prompt keys, the version as an integer; other spans do not.
 */
class PromptLinkExportTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String NAME = "langfuse.observation.prompt.name";
  private static final String VERSION = "langfuse.observation.prompt.version";

  /** The fixture trace with {@code edit} applied to the metadata of the span named {@code span}. */
  private static byte[] fixtureWith(String span, Consumer<ObjectNode> edit) {
    try {
      ObjectNode trace = (ObjectNode) JSON.readTree(Fixtures.everySpanType());
      trace.get("spans").forEach(node -> {
        if (node.get("span_name").asText().equals(span)) {
          edit.accept((ObjectNode) node.get("metadata"));
        }
      });
      return JSON.writeValueAsBytes(trace);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static byte[] linked(String span) {
    return fixtureWith(span, m -> m.put("prompt.name", "qa-system").put("prompt.version", 3));
  }

  private static SpanData converted(byte[] json, String name) {
    return OtlpTraceConverter.create(null).convert(json).spans().stream()
        .filter(s -> s.getName().equals(name)).findFirst().orElseThrow();
  }

  @Test
  void aGenerationCarriesThePromptNameAsTextAndTheVersionAsAnInteger() {
    SpanData generation = converted(linked("call_llm"), "call_llm");

    assertThat(generation.getAttributes().get(AttributeKey.stringKey(NAME))).isEqualTo("qa-system");
    assertThat(generation.getAttributes().get(AttributeKey.longKey(VERSION))).isEqualTo(3L);
    assertThat(generation.getAttributes().get(AttributeKey.stringKey(VERSION))).isNull();
  }

  @Test
  void onAnotherSpanTypeTheReferenceStaysMetadataWithoutLangfusesPromptKeys() {
    SpanData agent = converted(linked("support_agent"), "support_agent");

    assertThat(agent.getAttributes().get(AttributeKey.stringKey(NAME))).isNull();
    assertThat(agent.getAttributes().get(AttributeKey.longKey(VERSION))).isNull();
    assertThat(agent.getAttributes().get(
        AttributeKey.stringKey("langfuse.observation.metadata.prompt.name"))).isEqualTo("qa-system");
    assertThat(agent.getAttributes().get(
        AttributeKey.longKey("langfuse.observation.metadata.prompt.version"))).isEqualTo(3L);
  }

  @Test
  void aWholeDecimalVersionIsSentAsAnInteger() {
    SpanData generation = converted(fixtureWith("call_llm",
        m -> m.put("prompt.name", "qa-system").put("prompt.version", 4.0)), "call_llm");

    assertThat(generation.getAttributes().get(AttributeKey.longKey(VERSION))).isEqualTo(4L);
  }

  static Stream<Arguments> incompleteLinks() {
    return Stream.of(
        link("a version given as text", m -> m.put("prompt.name", "qa").put("prompt.version", "3")),
        link("a version of 0", m -> m.put("prompt.name", "qa").put("prompt.version", 0)),
        link("a negative version", m -> m.put("prompt.name", "qa").put("prompt.version", -2)),
        link("a fractional version", m -> m.put("prompt.name", "qa").put("prompt.version", 2.5)),
        link("a version beyond an int",
            m -> m.put("prompt.name", "qa").put("prompt.version", 2_147_483_648L)),
        link("a null version", m -> m.put("prompt.name", "qa").putNull("prompt.version")),
        link("no version", m -> m.put("prompt.name", "qa")),
        link("a blank name", m -> m.put("prompt.name", "  ").put("prompt.version", 1)),
        link("a name that is not text", m -> m.put("prompt.name", 7).put("prompt.version", 1)),
        link("no name", m -> m.put("prompt.version", 1)));
  }

  private static Arguments link(String what, Consumer<ObjectNode> edit) {
    return Arguments.of(what, edit);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("incompleteLinks")
  void anIncompleteOrInvalidLinkSendsNeitherKey(String what, Consumer<ObjectNode> edit) {
    SpanData generation = converted(fixtureWith("call_llm", edit), "call_llm");

    assertThat(generation.getAttributes().asMap().keySet())
        .noneMatch(key -> key.getKey().startsWith("langfuse.observation.prompt."));
  }

  @Test
  void theLangfuseReceiverReadsAnIntValueVersionOnTheGeneration() {
    OtlpReceiver receiver = OtlpReceiver.start();
    TraceSink sink = new LangfuseSinkProvider()
        .create(SinkTesting.langfuse(receiver).build(), SinkMetrics.detached());
    try {
      TraceMessage message = new TraceMessage("4bf92f35-77b3-4da6-a3ce-929d0e0e4736",
          "SDKTraceData", "{}", "0123456789abcdef0123456789abcdef", linked("call_llm"), 6);
      ExportResult result = sink.export(java.util.List.of(message));
      assertThat(result.isSuccess()).as(String.valueOf(result)).isTrue();

      Span generation = receiver.spans().stream()
          .filter(s -> s.getName().equals("call_llm")).findFirst().orElseThrow();
      assertThat(OtlpReceiver.text(generation, NAME)).isEqualTo("qa-system");
      AnyValue version = OtlpReceiver.attribute(generation.getAttributesList(), VERSION);
      assertThat(version.getValueCase()).isEqualTo(AnyValue.ValueCase.INT_VALUE);
      assertThat(version.getIntValue()).isEqualTo(3);
    } finally {
      sink.shutdown(Duration.ofSeconds(1));
      receiver.close();
    }
  }
}
