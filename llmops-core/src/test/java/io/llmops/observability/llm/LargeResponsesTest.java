package io.llmops.observability.llm;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import com.fasterxml.jackson.databind.JsonNode;
import io.llmops.observability.Llmops;
import io.llmops.observability.LlmResponse;
import io.llmops.observability.Span;
import io.llmops.observability.TraceManager;
import io.llmops.observability.testing.CollectingSink;
import io.llmops.observability.testing.DecodedTraces;
import io.llmops.observability.testing.TestConfigs;
import io.llmops.observability.testing.WireDecoder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.AbstractList;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.IntFunction;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Responses of any size are read within bounds: the caller's cost follows what is kept, a text
 * too large to parse is kept as a prefix and the span says why, and nothing thrown while reading,
 * not even an OutOfMemoryError, reaches the caller.
 */
class LargeResponsesTest {

  @TempDir
  Path work;

  @AfterEach
  void shutdown() {
    Llmops.shutdown(Duration.ofSeconds(5));
  }

  /** The only span of the only trace exported after {@code body} ran in a generation span. */
  private static JsonNode exportedGeneration(Consumer<Span> body) {
    CollectingSink sink = new CollectingSink();
    Llmops.configure(TestConfigs.isolated().addSink(sink).build());
    TraceManager.startTrace("t");
    try (Span llm = Llmops.generation("llm").start()) {
      body.accept(llm);
    }
    TraceManager.endTrace();
    assertThat(Llmops.flush(Duration.ofSeconds(10))).isTrue();
    assertThat(sink.messages()).hasSize(1);
    return DecodedTraces.spansByName(WireDecoder.trace(sink.messages().get(0).body())).get("llm");
  }

  @Test
  void aFiftyMegabyteResponseInA256MegabyteHeapReturnsNormallyAndIsExported() throws Exception {
    Path output = work.resolve("output.txt");
    Process child = new ProcessBuilder(
        Paths.get(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m",
        "-DLLMOPS_SINKS=file", "-DLLMOPS_FILE_SINK_DIR=" + work.resolve("traces"),
        "-cp", System.getProperty("java.class.path"), HugeResponseMain.class.getName(), "50")
        .redirectErrorStream(true).redirectOutput(output.toFile()).start();
    boolean exited = child.waitFor(120, TimeUnit.SECONDS);
    if (!exited) {
      child.destroyForcibly();
    }
    String printed = Files.readString(output, UTF_8);

    assertThat(exited).as(printed).isTrue();
    assertThat(child.exitValue()).as(printed).isZero();
    assertThat(printed).contains("recordLlmResponse returned normally", "flushed=true");
    List<String> messages;
    try (Stream<Path> files = Files.list(work.resolve("traces"))) {
      messages = new ArrayList<>();
      for (Path file : files.toList()) {
        messages.addAll(Files.readAllLines(file, UTF_8));
      }
    }
    assertThat(messages).hasSize(1);
    JsonNode span = WireDecoder.trace(messages.get(0)).at("/spans/0");
    assertThat(span.at("/metadata/llm.response_incomplete").asText()).isEqualTo("too_large");
    assertThat(span.at("/output_data/preview").asText()).startsWith("{\"output\":\"{\\\"output\\\":");
  }

  @Test
  void aLargeButValidResponseStillYieldsModelTokensAndText() {
    String body = anthropic(40_000);
    assertThat(body.length()).isBetween(4_000_000, 8_000_000);

    LlmResponse read = LlmResponse.read(body);
    assertThat(read.modelId()).isEqualTo("claude-sonnet-4-5-20250929");
    assertThat(read.inputTokens()).isEqualTo(2095);
    assertThat(read.outputTokens()).isEqualTo(64_000);
    assertThat(read.stopReason()).isEqualTo("max_tokens");
    assertThat(read.text()).startsWith("block 0 ").hasSizeLessThan(65_536 + 64)
        .endsWith("chars]");

    JsonNode span = exportedGeneration(llm -> llm.recordLlmResponse(body));
    assertThat(span.get("model_id").asText()).isEqualTo("claude-sonnet-4-5-20250929");
    assertThat(span.at("/usage/output_tokens").asLong()).isEqualTo(64_000);
    assertThat(span.get("response").asText()).startsWith("block 0 ");
    assertThat(span.at("/metadata/llm.response_incomplete").asText()).isEqualTo("limits");
  }

  @Test
  void aLongStreamAsServerSentEventsKeepsItsFinalUsage() {
    StringBuilder sse = new StringBuilder("event: message_start\ndata: {\"type\":\"message_start\","
        + "\"message\":{\"model\":\"claude-haiku-4-5\",\"usage\":{\"input_tokens\":25,\"output_tokens\":1}}}\n\n");
    for (int i = 0; i < 60_000; i++) {
      sse.append("event: content_block_delta\ndata: {\"type\":\"content_block_delta\",\"index\":0,")
          .append("\"delta\":{\"type\":\"text_delta\",\"text\":\"token \"}}\n\n");
    }
    sse.append("event: message_delta\ndata: {\"type\":\"message_delta\",\"delta\":{\"stop_reason\":")
        .append("\"end_turn\"},\"usage\":{\"output_tokens\":60000}}\n\n");

    LlmResponse read = LlmResponse.read(sse.toString());

    assertThat(read.outputTokens()).isEqualTo(60_000);
    assertThat(read.inputTokens()).isEqualTo(25);
    assertThat(read.text()).startsWith("token token ").endsWith("…[truncated: 360000 chars]");
  }

  @Test
  void aListOfMoreEventsThanTheLimitKeepsTheUsageOfItsLastEvents() {
    List<Object> events = new ArrayList<>();
    events.add(Map.of("messageStart", Map.of("role", "assistant")));
    for (int i = 0; i < 250_000; i++) {
      events.add(Map.of("contentBlockDelta", Map.of("contentBlockIndex", 0, "delta", Map.of("text", "ab"))));
    }
    events.add(Map.of("messageStop", Map.of("stopReason", "end_turn")));
    events.add(Map.of("metadata", Map.of("usage", Map.of("inputTokens", 9, "outputTokens", 250_000))));

    JsonNode span = exportedGeneration(llm -> llm.recordLlmResponse(events));

    assertThat(span.at("/usage/output_tokens").asLong()).isEqualTo(250_000);
    assertThat(span.at("/metadata/llm.stop_reason").asText()).isEqualTo("end_turn");
    assertThat(span.at("/metadata/llm.response_incomplete").asText()).isEqualTo("limits");
    assertThat(LlmResponse.read(events).text()).hasSizeLessThan(65_536 + 64);
  }

  @Test
  void jsonTextAboveTheParseLimitIsKeptAsAPrefixAndTheSpanSaysWhy() {
    String body = HugeResponseMain.converse(9_000_000);

    JsonNode span = exportedGeneration(llm -> llm.recordLlmResponse(body));

    assertThat(span.at("/metadata/llm.response_incomplete").asText()).isEqualTo("too_large");
    assertThat(Llmops.stats().get("llm.responses_incomplete.too_large")).isEqualTo(1);
    assertThat(span.get("usage").isNull()).isTrue();
    assertThat(span.at("/output_data/truncated").asBoolean()).isTrue();
    assertThat(span.at("/output_data/preview").asText()).startsWith("{\"output\":\"{\\\"output\\\":");
    assertThat(LlmResponse.read(body.getBytes(UTF_8)).incomplete()).isEqualTo("too_large");
    assertThat(LlmResponse.read(body.substring(12)).text()).hasSizeLessThan(65_536 + 64);
  }

  @Test
  void aTextLongerThanTheCaptureLimitIsCutAndTellsItsFullLength() {
    String body = "{\"output\":{\"message\":{\"content\":[{\"text\":\"" + "x".repeat(1_000_000)
        + "\"}]}},\"usage\":{\"inputTokens\":1,\"outputTokens\":2}}";

    LlmResponse read = LlmResponse.read(body);
    assertThat(read.text()).startsWith("xxx").hasSizeLessThan(65_536 + 64)
        .endsWith("…[truncated: 1000000 chars]");
    assertThat(read.incomplete()).isNull();

    JsonNode span = exportedGeneration(llm -> llm.recordLlmResponse(body));
    assertThat(span.get("response").asText()).endsWith("…[truncated: 1000000 chars]");
    assertThat(span.at("/usage/output_tokens").asLong()).isEqualTo(2);
  }

  @Test
  void inMemoryValuesAreVisitedOnlyAsFarAsTheyAreKept() {
    AtomicInteger visited = new AtomicInteger();
    List<Object> blocks = countingList(3_000_000, visited, i -> Map.of("text", "block " + i));
    Map<String, Object> body = Map.of("type", "message", "model", "claude-haiku-4-5",
        "content", blocks, "stop_reason", "end_turn",
        "usage", Map.of("input_tokens", 10, "output_tokens", 20));

    LlmResponse read = LlmResponse.read(body);

    assertThat(read.outputTokens()).isEqualTo(20);
    assertThat(read.text()).startsWith("block 0block 1");
    assertThat(visited.get()).isLessThanOrEqualTo(1_000);

    visited.set(0);
    List<Object> events = countingList(3_000_000, visited,
        i -> Map.of("type", "content_block_delta", "delta", Map.of("type", "text_delta", "text", "t")));
    assertThat(LlmResponse.read(events).text()).startsWith("ttt");
    assertThat(visited.get()).isLessThanOrEqualTo(100_000);
  }

  @Test
  void anErrorThrownWhileReadingNeverReachesTheCallerAndTheSpanSaysSo() {
    Map<String, Object> failing = new AbstractMap<>() {
      @Override
      public Set<Entry<String, Object>> entrySet() {
        throw new OutOfMemoryError("simulated");
      }

      @Override
      public Object get(Object key) {
        throw new OutOfMemoryError("simulated");
      }
    };

    assertThatCode(() -> LlmResponse.read(failing)).doesNotThrowAnyException();
    JsonNode span = exportedGeneration(llm -> llm.recordLlmResponse(failing));
    assertThat(span.at("/metadata/llm.response_incomplete").asText()).isEqualTo("failed");
    assertThat(Llmops.stats().get("llm.responses_incomplete.failed")).isEqualTo(1);
  }

  /** An anthropic Messages body with {@code blocks} text blocks between its model and usage. */
  private static String anthropic(int blocks) {
    StringBuilder json = new StringBuilder("{\"id\":\"msg_01\",\"type\":\"message\",\"role\":\"assistant\","
        + "\"model\":\"claude-sonnet-4-5-20250929\",\"content\":[");
    for (int i = 0; i < blocks; i++) {
      json.append(i == 0 ? "" : ",").append("{\"type\":\"text\",\"text\":\"block ").append(i)
          .append(' ').append("lorem ipsum dolor sit amet ".repeat(4)).append("\"}");
    }
    return json.append("],\"stop_reason\":\"max_tokens\",\"usage\":{\"input_tokens\":2095,")
        .append("\"output_tokens\":64000}}").toString();
  }

  /** A list of {@code size} elements made on demand, counting the ones anything looked at. */
  private static List<Object> countingList(int size, AtomicInteger visited,
      IntFunction<Object> element) {
    return new AbstractList<>() {
      @Override
      public Object get(int index) {
        visited.incrementAndGet();
        return element.apply(index);
      }

      @Override
      public int size() {
        return size;
      }
    };
  }
}
