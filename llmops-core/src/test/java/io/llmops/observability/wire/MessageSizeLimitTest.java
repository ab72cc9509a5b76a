package io.llmops.observability.wire;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.llmops.observability.Llmops;
import io.llmops.observability.Span;
import io.llmops.observability.TraceManager;
import io.llmops.observability.export.TraceMessage;
import io.llmops.observability.testing.CollectingSink;
import io.llmops.observability.testing.TestConfigs;
import io.llmops.observability.testing.WireDecoder;
import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * No message body ever exceeds LLMOPS_MAX_MESSAGE_BYTES, whatever the trace holds; what was cut
 * is recorded in metadata "llmops.truncation" and the message stays schema-valid (the
 * collecting sink validates every message). Payloads are random hex so gzip cannot hide them.
 */
class MessageSizeLimitTest {

  private CollectingSink sink;

  @BeforeEach
  void configure() {
    configureWithLimit(200_000);
  }

  @AfterEach
  void shutdown() {
    Llmops.shutdown(Duration.ofSeconds(5));
  }

  /** Replaces the configuration of {@link #configure()} with one using {@code limit}. */
  private void configureWithLimit(int limit) {
    sink = new CollectingSink();
    Llmops.configure(TestConfigs.isolated().maxMessageBytes(limit).addSink(sink).build());
  }

  private static String randomHex(Random random, int chars) {
    StringBuilder out = new StringBuilder(chars);
    for (int i = 0; i < chars; i++) {
      out.append(Character.forDigit(random.nextInt(16), 16));
    }
    return out.toString();
  }

  /** The one message sent, after checking it fits {@code limit}. */
  private JsonNode onlyTrace(int limit) {
    assertThat(Llmops.flush(Duration.ofSeconds(60))).isTrue();
    assertThat(sink.messages()).hasSize(1);
    TraceMessage message = sink.messages().get(0);
    assertThat(message.bodySize()).isLessThanOrEqualTo(limit);
    assertThat(message.body().getBytes(java.nio.charset.StandardCharsets.UTF_8).length)
        .isLessThanOrEqualTo(limit);
    JsonNode trace = WireDecoder.trace(message.body());
    assertThat(trace.get("total_spans").asInt()).isEqualTo(trace.get("spans").size());
    return trace;
  }

  /** Asserts the truncation record accounts for every span of a trace that had {@code spans}. */
  private static void assertTruncationRecorded(JsonNode trace, int spans) {
    JsonNode record = trace.at("/metadata/llmops.truncation");
    assertThat(record.isObject()).as("metadata llmops.truncation").isTrue();
    assertThat(record.get("level").asInt()).isPositive();
    assertThat(record.get("spans_dropped").asInt() + trace.get("total_spans").asInt())
        .isEqualTo(spans);
  }

  @ParameterizedTest
  @ValueSource(ints = {200_000, 4_096})
  void fiveThousandSpansOfTwoKilobytesFit(int limit) {
    configureWithLimit(limit);
    Random random = new Random(42);
    TraceManager.startTrace("many_spans");
    for (int i = 0; i < 5_000; i++) {
      try (Span span = Llmops.span("step_" + i).start()) {
        span.setOutput(randomHex(random, 2_000));
      }
    }
    TraceManager.endTrace();

    JsonNode trace = onlyTrace(limit);
    assertTruncationRecorded(trace, 5_000);
    assertThat(trace.get("spans_dropped")).isNull();
    if (limit == 200_000) {
      assertThat(trace.get("total_spans").asInt()).isBetween(1, 4_999);
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {200_000, 4_096})
  void aHundredMegabyteOutputFits(int limit) {
    configureWithLimit(limit);
    String block = randomHex(new Random(7), 65_536);
    String huge = block.repeat(100_000_000 / block.length() + 1);
    TraceManager.startTrace("huge_output");
    Llmops.span("producer").call(() -> huge);
    TraceManager.finalizeAndSend("question", huge);

    JsonNode trace = onlyTrace(limit);
    if (trace.get("spans").size() == 1) {
      JsonNode output = trace.at("/spans/0/output_data");
      assertThat(output.get("truncated").asBoolean()).isTrue();
      assertThat(output.get("original_size_bytes").asLong()).isGreaterThan(20_000);
    } else {
      assertTruncationRecorded(trace, 1);
    }
    JsonNode traceOutput = trace.get("trace_output");
    assertThat(traceOutput.isNull() || traceOutput.get("truncated").asBoolean()).isTrue();
  }

  @ParameterizedTest
  @ValueSource(ints = {200_000, 4_096})
  void hugeMetadataFits(int limit) {
    configureWithLimit(limit);
    Random random = new Random(3);
    var builder = TraceManager.newTrace("huge_metadata");
    for (int i = 0; i < 1_000; i++) {
      builder.metadata("key_" + i, randomHex(random, 1_000));
    }
    builder.start();
    for (int s = 0; s < 10; s++) {
      try (Span span = Llmops.span("s" + s).start()) {
        for (int i = 0; i < 100; i++) {
          span.setMetadata("k" + i, randomHex(random, 1_000));
        }
      }
    }
    TraceManager.endTrace();

    assertTruncationRecorded(onlyTrace(limit), 10);
  }

  @ParameterizedTest
  @ValueSource(ints = {200_000, 4_096})
  void hugeIdentityStringsFit(int limit) {
    configureWithLimit(limit);
    Random random = new Random(5);
    TraceManager.newTrace(randomHex(random, 300_000)).userId(randomHex(random, 300_000))
        .sessionId(randomHex(random, 300_000)).tags(randomHex(random, 300_000)).start();
    Llmops.span("one").run(() -> { });
    TraceManager.endTrace();

    JsonNode trace = onlyTrace(limit);
    assertTruncationRecorded(trace, 1);
    assertThat(trace.get("trace_name").asText()).isNotEmpty();
  }
}
