package io.llmops.observability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.llmops.observability.testing.CollectingSink;
import io.llmops.observability.testing.Exported;
import io.llmops.observability.testing.TestConfigs;
import io.llmops.observability.testing.WireDecoder;
import java.math.BigDecimal;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.ConcurrentModificationException;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * End to end: hostile and ordinary application values go through the public API, the export
 * worker and the wire format, and always come out as valid, bounded JSON.
 */
@Timeout(60)
class SerializationTest {

  private final CollectingSink sink = new CollectingSink();

  private void configure(LlmopsConfig.Builder builder) {
    Llmops.configure(builder.addSink(sink).build());
  }

  @AfterEach
  void shutdown() {
    Llmops.shutdown(Duration.ofSeconds(5));
  }

  record Order(String id, int quantity, List<String> items) {}

  static class Animal {
    private final String species;

    Animal(String species) {
      this.species = species;
    }
  }

  static class Dog extends Animal {
    private final String name;
    private Dog friend;

    Dog(String name) {
      super("dog");
      this.name = name;
    }
  }

  static class GetterBomb {
    static final AtomicInteger CALLS = new AtomicInteger();
    private final String data = "visible";

    public String getData() {
      CALLS.incrementAndGet();
      throw new IllegalStateException("getter ran");
    }

    public boolean isReady() {
      CALLS.incrementAndGet();
      throw new IllegalStateException("getter ran");
    }
  }

  static class EverythingThrows {
    private final int n = 3;

    @Override
    public String toString() {
      throw new UnsupportedOperationException("toString");
    }

    @Override
    public int hashCode() {
      throw new UnsupportedOperationException("hashCode");
    }

    @Override
    public boolean equals(Object other) {
      throw new UnsupportedOperationException("equals");
    }
  }

  static class Holder {
    String value;

    Holder(String value) {
      this.value = value;
    }
  }

  enum Mode { FAST, SLOW }

  private static Iterable<Integer> endless() {
    return () -> new Iterator<>() {
      int i;

      @Override
      public boolean hasNext() {
        return true;
      }

      @Override
      public Integer next() {
        return i++;
      }
    };
  }

  private static Iterable<Integer> failsAfter(int n) {
    return () -> new Iterator<>() {
      int i;

      @Override
      public boolean hasNext() {
        return true;
      }

      @Override
      public Integer next() {
        if (i == n) {
          throw new IllegalStateException("iterator broke");
        }
        return i++;
      }
    };
  }

  @Test
  void ordinaryAndHostileValuesAllBecomeValidJson() throws Exception {
    configure(TestConfigs.isolated().set("LLMOPS_MAX_SPAN_IO_BYTES", "1048576"));
    GetterBomb.CALLS.set(0);
    Dog rex = new Dog("rex");
    Dog fido = new Dog("fido");
    rex.friend = fido;
    fido.friend = rex;
    List<Object> selfList = new ArrayList<>();
    selfList.add(selfList);
    Map<Object, Object> nonStringKeys = new LinkedHashMap<>();
    nonStringKeys.put(42, "int");
    nonStringKeys.put(Mode.FAST, "enum");
    nonStringKeys.put(UUID.fromString("00000000-0000-0000-0000-000000000001"), "uuid");
    Map<String, Object> cme = new HashMap<>() {
      @Override
      public Set<Map.Entry<String, Object>> entrySet() {
        throw new ConcurrentModificationException("changed");
      }
    };
    Object deep = "bottom";
    for (int i = 0; i < 40; i++) {
      deep = List.of(deep);
    }
    List<Integer> tenThousand = new ArrayList<>();
    for (int i = 0; i < 10_000; i++) {
      tenThousand.add(i);
    }

    TraceManager.startTrace("serialization");
    try (ServerSocket server = new ServerSocket(0);
        Socket socket = new Socket("127.0.0.1", server.getLocalPort());
        Span span = Llmops.span("everything").start()) {
      span.setInput("record", new Order("o-1", 2, List.of("a", "b")))
          .setInput("pojo", rex)
          .setInput("selfList", selfList)
          .setInput("nonStringKeys", nonStringKeys)
          .setInput("set", Set.of("only"))
          .setInput("ints", new int[] {1, 2, 3})
          .setInput("strings", new String[] {"x", null})
          .setInput("optional", Optional.of("present"))
          .setInput("emptyOptional", Optional.empty())
          .setInput("optionalInt", OptionalInt.of(7))
          .setInput("instant", Instant.parse("2024-05-06T07:08:09Z"))
          .setInput("localDate", LocalDate.of(2024, 5, 6))
          .setInput("duration", Duration.ofMillis(1500))
          .setInput("zoned", ZonedDateTime.of(2024, 5, 6, 7, 8, 9, 0, ZoneOffset.UTC))
          .setInput("enum", Mode.SLOW)
          .setInput("bytes", new byte[] {0, 1, 2, (byte) 255})
          .setInput("chars", new char[] {'o', 'k'})
          .setInput("bigDecimal", new BigDecimal("1234567890.123456789"))
          .setInput("atomicLong", new AtomicLong(99))
          .setInput("uuid", UUID.fromString("00000000-0000-0000-0000-000000000002"))
          .setInput("uri", URI.create("https://example.com/path?q=1"))
          .setInput("getters", new GetterBomb())
          .setInput("throwsEverything", new EverythingThrows())
          .setInput("failingIterator", failsAfter(2))
          .setInput("endless", endless())
          .setInput("cme", cme)
          .setInput("deep", deep)
          .setInput("tenThousand", tenThousand)
          .setInput("thread", Thread.currentThread())
          .setInput("socket", socket)
          .setInput("lock", new Object())
          .setInput("nan", Double.NaN)
          .setInput("infinity", Double.POSITIVE_INFINITY)
          .setInput("negInfinityFloat", Float.NEGATIVE_INFINITY)
          .setInput("nullValue", null);
      span.setArgs(1, "two", null, new double[] {Double.NaN, 1.0})
          .setMetadata("nan", Double.NaN)
          .setOutput(Map.of("ratio", Double.POSITIVE_INFINITY));
    }
    TraceManager.endTrace();

    JsonNode trace = Exported.onlyTrace(sink);
    JsonNode in = trace.at("/spans/0/input_data/kwargs");
    assertThat(in.isObject()).as("input_data is not truncated: %s", trace.at("/spans/0/input_data")).isTrue();
    assertThat(in.at("/record/id").asText()).isEqualTo("o-1");
    assertThat(in.at("/record/items/1").asText()).isEqualTo("b");
    assertThat(in.at("/pojo/name").asText()).isEqualTo("rex");
    assertThat(in.at("/pojo/species").asText()).isEqualTo("dog");
    assertThat(in.at("/pojo/friend/name").asText()).isEqualTo("fido");
    assertThat(in.at("/pojo/friend/friend").asText()).startsWith("<cycle: ");
    assertThat(in.at("/selfList/0").asText()).startsWith("<cycle: ");
    assertThat(in.at("/nonStringKeys/42").asText()).isEqualTo("int");
    assertThat(in.at("/nonStringKeys/FAST").asText()).isEqualTo("enum");
    assertThat(in.at("/nonStringKeys/00000000-0000-0000-0000-000000000001").asText()).isEqualTo("uuid");
    assertThat(in.at("/set/0").asText()).isEqualTo("only");
    assertThat(in.at("/ints").toString()).isEqualTo("[1,2,3]");
    assertThat(in.at("/strings").toString()).isEqualTo("[\"x\",null]");
    assertThat(in.at("/optional").asText()).isEqualTo("present");
    assertThat(in.get("emptyOptional").isNull()).isTrue();
    assertThat(in.at("/optionalInt").asInt()).isEqualTo(7);
    assertThat(in.at("/instant").asText()).isEqualTo("2024-05-06T07:08:09Z");
    assertThat(in.at("/localDate").asText()).isEqualTo("2024-05-06");
    assertThat(in.at("/duration").asText()).isEqualTo("PT1.5S");
    assertThat(in.at("/zoned").asText()).isEqualTo("2024-05-06T07:08:09Z");
    assertThat(in.at("/enum").asText()).isEqualTo("SLOW");
    assertThat(in.at("/bytes/type").asText()).isEqualTo("byte[]");
    assertThat(in.at("/bytes/length").asInt()).isEqualTo(4);
    assertThat(in.at("/bytes/base64").asText()).isEqualTo("AAEC/w==");
    assertThat(in.at("/chars").asText()).isEqualTo("ok");
    // exact digits on the wire (a default ObjectMapper would read the number back as a double)
    assertThat(sink.messages().get(0).traceJsonText()).contains("\"bigDecimal\":1234567890.123456789");
    assertThat(in.at("/atomicLong").asLong()).isEqualTo(99);
    assertThat(in.at("/uuid").asText()).isEqualTo("00000000-0000-0000-0000-000000000002");
    assertThat(in.at("/uri").asText()).isEqualTo("https://example.com/path?q=1");
    assertThat(in.at("/getters/data").asText()).isEqualTo("visible");
    assertThat(GetterBomb.CALLS).hasValue(0);
    assertThat(in.at("/throwsEverything/n").asInt()).isEqualTo(3);
    assertThat(in.at("/failingIterator").toString()).startsWith("[0,1,\"<iteration failed: ");
    assertThat(in.at("/endless").size()).isEqualTo(501);
    assertThat(in.at("/cme").toString()).contains("ConcurrentModificationException");
    assertThat(in.at("/tenThousand").size()).isEqualTo(501);
    assertThat(in.at("/tenThousand/500").asText()).contains("more elements not captured");
    assertThat(in.at("/thread").asText()).contains(Thread.currentThread().getName());
    assertThat(in.at("/socket").isTextual()).isTrue();
    assertThat(in.at("/lock").asText()).startsWith("java.lang.Object@");
    assertThat(in.at("/nan").asText()).isEqualTo("NaN");
    assertThat(in.at("/infinity").asText()).isEqualTo("Infinity");
    assertThat(in.at("/negInfinityFloat").asText()).isEqualTo("-Infinity");
    assertThat(in.get("nullValue").isNull()).isTrue();

    JsonNode node = in.get("deep");
    int depth = 0;
    while (node.isArray()) {
      node = node.get(0);
      depth++;
    }
    assertThat(depth).isLessThanOrEqualTo(13);
    assertThat(node.asText()).startsWith("<max depth: ");

    JsonNode span = trace.at("/spans/0");
    assertThat(span.at("/input_data/args").toString()).isEqualTo("[1,\"two\",null,[\"NaN\",1.0]]");
    assertThat(span.at("/metadata/nan").asText()).isEqualTo("NaN");
    assertThat(span.at("/output_data/output/ratio").asText()).isEqualTo("Infinity");
  }

  @Test
  void aHundredMegabyteStringIsBoundedFastAndKeepsItsOriginalLength() {
    configure(TestConfigs.isolated().set("LLMOPS_MAX_SPAN_IO_BYTES", "1048576"));
    String huge = "y".repeat(100_000_000);
    long start = System.nanoTime();
    TraceManager.startTrace("huge");
    try (Span span = Llmops.span("huge").input("text", huge).start()) {
      span.setOutput(huge).setPrompt(huge).setResponse(huge);
    }
    TraceManager.finalizeAndSend(huge, huge);
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));

    List<io.llmops.observability.export.TraceMessage> messages = Exported.flushed(sink);
    assertThat(messages).hasSize(1);
    assertThat(messages.get(0).bodySize()).isLessThanOrEqualTo(200_000);
    JsonNode trace = WireDecoder.trace(messages.get(0).body());
    String output = trace.at("/spans/0/output_data/output").asText();
    assertThat(output).startsWith("yyyy").endsWith("[truncated: 100000000 chars]");
    assertThat(output.length()).isLessThan(100_000);
    assertThat(trace.at("/spans/0/input_data/kwargs/text").asText())
        .endsWith("[truncated: 100000000 chars]");
    assertThat(trace.at("/spans/0/prompt").asText()).contains("truncated");
    assertThat(trace.at("/spans/0/prompt").asText().length()).isLessThanOrEqualTo(10_000);
    assertThat(trace.at("/trace_input").toString()).contains("truncated");
  }

  @Test
  void underDefaultLimitsAHugeValueBecomesATruncationMarker() {
    configure(TestConfigs.isolated());
    TraceManager.startTrace("huge-default");
    try (Span span = Llmops.span("huge").start()) {
      span.setOutput("z".repeat(5_000_000));
    }
    TraceManager.endTrace();
    JsonNode output = Exported.onlyTrace(sink).at("/spans/0/output_data");
    assertThat(output.get("truncated").asBoolean()).isTrue();
    assertThat(output.get("original_size_bytes").asLong()).isGreaterThan(20_000);
    assertThat(output.get("preview").asText()).contains("zzzz");
  }

  @Test
  void valuesAreFrozenAtCaptureTime() {
    configure(TestConfigs.isolated());
    List<String> list = new ArrayList<>(List.of("first"));
    Map<String, Object> map = new LinkedHashMap<>(Map.of("k", "before"));
    Holder pojo = new Holder("before");
    StringBuilder text = new StringBuilder("before");
    int[] numbers = {1, 2};
    Map<String, Object> traceInput = new LinkedHashMap<>(Map.of("q", "before"));
    Map<String, Object> meta = new LinkedHashMap<>(Map.of("m", "before"));

    TraceManager.newTrace("frozen").metadata("traceMeta", meta).start();
    try (Span span = Llmops.span("frozen").input("list", list).args(pojo).start()) {
      span.setInput("map", map).setInput("text", text).setLocal("numbers", numbers)
          .setMetadata("meta", meta).setOutput(pojo);
      list.add("second");
      map.put("k", "after");
      map.put("new", "after");
      pojo.value = "after";
      text.append(" and after");
      numbers[0] = 100;
      meta.put("m", "after");
    }
    TraceManager.finalizeAndSend(traceInput, text);
    traceInput.put("q", "after");
    text.append(" again");

    JsonNode trace = Exported.onlyTrace(sink);
    JsonNode span = trace.at("/spans/0");
    assertThat(span.at("/input_data/kwargs/list").toString()).isEqualTo("[\"first\"]");
    assertThat(span.at("/input_data/kwargs/map").toString()).isEqualTo("{\"k\":\"before\"}");
    assertThat(span.at("/input_data/kwargs/text").asText()).isEqualTo("before");
    assertThat(span.at("/input_data/args/0/value").asText()).isEqualTo("before");
    assertThat(span.at("/input_data/locals/numbers").toString()).isEqualTo("[1,2]");
    assertThat(span.at("/output_data/output/value").asText()).isEqualTo("before");
    assertThat(span.at("/metadata/meta/m").asText()).isEqualTo("before");
    assertThat(trace.at("/metadata/traceMeta/m").asText()).isEqualTo("before");
    assertThat(trace.at("/trace_input/q").asText()).isEqualTo("before");
    assertThat(trace.at("/trace_output").asText()).isEqualTo("before and after");
  }

  @Test
  void hostileValuesDoNotBreakTheOtherTracesOrTheWorker() {
    configure(TestConfigs.isolated());
    for (int i = 0; i < 20; i++) {
      TraceManager.startTrace("t" + i);
      try (Span span = Llmops.span("s").start()) {
        span.setOutput(i % 2 == 0 ? new EverythingThrows() : failsAfter(1));
        span.setInput("endless", endless());
      }
      TraceManager.endTrace();
    }
    List<io.llmops.observability.export.TraceMessage> messages = Exported.flushed(sink);
    assertThat(messages).hasSize(20);
    for (io.llmops.observability.export.TraceMessage message : messages) {
      assertThat(WireDecoder.trace(message.body()).get("spans").size()).isEqualTo(1);
    }
    assertThat(Llmops.stats().toString()).isNotEmpty();
  }
}
