package io.llmops.benchmarks;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.llmops.observability.processor.DecodedTrace;
import io.llmops.observability.ui.internal.TraceQuery;
import io.llmops.observability.ui.internal.TraceStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The local viewer's SQLite store (llmops-ui): how fast traces go in, and how long a page of the
 * list takes with 100,000 traces stored (the target: under 100 ms). Traces of 4 spans (an
 * agent, a generation with model, usage, cost, prompt and response, a tool, an evaluation), 0.3 to
 * 10 s long, 20 names, 1,000 users, 5 models, 2 of 30 tags each, spread over 30 days. The 100,000-trace
 * database is built once under {@code java.io.tmpdir} and reused by later forks and runs.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class TraceViewerBenchmark {

  static final int STORED = 100_000;
  static final int INGEST_BATCH = 500;
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final long NOW_MS = 1_796_000_000_000L;
  private static final long SPREAD_MS = 30L * 24 * 3600 * 1000;
  private static final String[] MODELS = {"gpt-4o", "gpt-4o-mini", "claude-3-5-haiku", "claude-3-7-sonnet", "llama-3-70b"};

  /** The store with {@value #STORED} traces, opened read-mostly for the list queries. */
  @State(Scope.Benchmark)
  public static class Stored {
    TraceStore store;
    TraceQuery laterPage;

    @Setup(Level.Trial)
    public void open() throws Exception {
      // v2: durations vary (the first database had 1.2 s for every trace).
      Path directory = Path.of(System.getProperty("java.io.tmpdir"), "llmops-ui-benchmark-v2-" + STORED);
      store = TraceStore.open(directory);
      if (store.reader().count() != STORED) {
        store.close();
        deleteRecursively(directory);
        store = TraceStore.open(directory);
        for (int from = 0; from < STORED; from += INGEST_BATCH) {
          store.writer().upsert(batch(from, INGEST_BATCH));
        }
      }
      // The cursor after 40 pages of 50: 2,000 rows down the list.
      String cursor = null;
      for (int page = 0; page < 40; page++) {
        cursor = store.reader().list(query(cursor == null ? Map.of() : Map.of("cursor", cursor)))
            .get("next_cursor").asText();
      }
      laterPage = query(Map.of("cursor", cursor));
    }

    @TearDown(Level.Trial)
    public void close() throws SQLException {
      store.close();
    }
  }

  /** An empty store that each ingest call adds {@value #INGEST_BATCH} new traces to. */
  @State(Scope.Benchmark)
  public static class Empty {
    TraceStore store;
    Path directory;
    int next;

    @Setup(Level.Trial)
    public void open() throws Exception {
      directory = Files.createTempDirectory("llmops-ui-ingest");
      store = TraceStore.open(directory);
    }

    @TearDown(Level.Trial)
    public void close() throws Exception {
      store.close();
      deleteRecursively(directory);
    }
  }

  private static final TraceQuery NEWEST = query(Map.of());
  private static final TraceQuery BY_TAG = query(Map.of("tag", "tag-7"));
  private static final TraceQuery BY_MODEL = query(Map.of("model", "claude-3-7-sonnet"));
  private static final TraceQuery BY_USER = query(Map.of("user", "user-123"));
  private static final TraceQuery BY_NAME_AND_ERRORS = query(Map.of("name", "trace-name-3", "status", "error"));
  private static final TraceQuery TIME_RANGE = query(Map.of(
      "from", Long.toString(NOW_MS - SPREAD_MS / 2), "to", Long.toString(NOW_MS - SPREAD_MS / 2 + 6 * 3600 * 1000)));
  private static final TraceQuery SEARCH = query(Map.of("q", "user-4567"));
  /** A number in 11 traces' inputs (4567 and, as a prefix, 45670 to 45679). */
  private static final TraceQuery RARE_TEXT = query(Map.of("text", "question 4567"));
  /** A word in every trace's response: the first page of 100,000 matches. */
  private static final TraceQuery COMMON_TEXT = query(Map.of("text", "ships"));

  @Benchmark
  public Object newestPage(Stored stored) throws SQLException {
    return stored.store.reader().list(NEWEST);
  }

  @Benchmark
  public Object byTag(Stored stored) throws SQLException {
    return stored.store.reader().list(BY_TAG);
  }

  @Benchmark
  public Object byModel(Stored stored) throws SQLException {
    return stored.store.reader().list(BY_MODEL);
  }

  @Benchmark
  public Object byUser(Stored stored) throws SQLException {
    return stored.store.reader().list(BY_USER);
  }

  @Benchmark
  public Object byNameAndErrors(Stored stored) throws SQLException {
    return stored.store.reader().list(BY_NAME_AND_ERRORS);
  }

  @Benchmark
  public Object timeRange(Stored stored) throws SQLException {
    return stored.store.reader().list(TIME_RANGE);
  }

  @Benchmark
  public Object laterPageByCursor(Stored stored) throws SQLException {
    return stored.store.reader().list(stored.laterPage);
  }

  /** A search text matches anywhere in name, user, session or id: a scan, not an index walk. */
  @Benchmark
  public Object searchText(Stored stored) throws SQLException {
    return stored.store.reader().list(SEARCH);
  }

  /** Words of inputs and outputs through the FTS5 index: few matches. */
  @Benchmark
  public Object textSearchRare(Stored stored) throws SQLException {
    return stored.store.reader().list(RARE_TEXT);
  }

  /** Words of inputs and outputs through the FTS5 index: every trace matches. */
  @Benchmark
  public Object textSearchCommon(Stored stored) throws SQLException {
    return stored.store.reader().list(COMMON_TEXT);
  }

  @Benchmark
  public Object facets(Stored stored) throws SQLException {
    return stored.store.reader().facets();
  }

  @Benchmark
  public Object overviewOf30Days(Stored stored) throws SQLException {
    return stored.store.reader().overview(NOW_MS - SPREAD_MS, NOW_MS + 1);
  }

  /** Time per trace: {@value #INGEST_BATCH} new traces stored in one transaction, as a folder scan does. */
  @Benchmark
  @OperationsPerInvocation(INGEST_BATCH)
  @OutputTimeUnit(TimeUnit.MICROSECONDS)
  public void ingest(Empty empty) throws SQLException {
    empty.store.writer().upsert(batch(empty.next, INGEST_BATCH));
    empty.next += INGEST_BATCH;
  }

  private static TraceQuery query(Map<String, String> parameters) {
    return TraceQuery.of(parameters);
  }

  static List<DecodedTrace> batch(int from, int count) {
    List<DecodedTrace> traces = new ArrayList<>(count);
    for (int n = from; n < from + count; n++) {
      ObjectNode trace = trace(n);
      traces.add(new DecodedTrace(trace.get("trace_id").asText(), null, false, false, trace));
    }
    return traces;
  }

  /** Trace {@code n}: its start spread over 30 days by a multiplicative hash, so ids and times do not follow each other. */
  static ObjectNode trace(int n) {
    long start = NOW_MS - Math.floorMod(n * 2_654_435_761L, SPREAD_MS);
    double startSeconds = start / 1000d;
    String model = MODELS[n % MODELS.length];
    ObjectNode trace = JSON.createObjectNode();
    trace.put("trace_id", String.format(Locale.ROOT, "%08x-0000-4000-8000-%012x", n, (long) n * 7919));
    trace.put("trace_name", "trace-name-" + (n % 20));
    trace.put("project_id", "bench");
    trace.put("environment", "prod");
    trace.put("user_id", "user-" + (n % 1000));
    trace.put("session_id", "session-" + (n % 20_000));
    trace.put("start_time", startSeconds);
    // 0.3 to 10 s, a different duration for nearly every trace (a latency histogram's worst case).
    long durationMs = 300 + Math.floorMod(n * 40_503L, 9_700);
    trace.put("end_time", startSeconds + durationMs / 1000d);
    trace.put("duration_ms", durationMs);
    trace.put("trace_input", "question " + n + " about the order status of account " + (n % 1000));
    trace.put("trace_output", "an answer of about a hundred characters that tells the user what the status is");
    trace.putArray("tags").add("tag-" + (n % 30)).add("tag-" + ((n / 30) % 30));
    ArrayNode spans = trace.putArray("spans");
    String root = spanId(n, 0);
    span(spans, root, null, "agent", "agent", startSeconds, 1.2, false);
    ObjectNode generation = span(spans, spanId(n, 1), root, "answer", "generation", startSeconds + 0.1, 0.8, false);
    generation.put("model_id", model);
    generation.putObject("usage").put("input_tokens", 300 + n % 200).put("output_tokens", 80 + n % 50)
        .put("total_tokens", 380 + n % 200 + n % 50);
    generation.putObject("cost").put("input_cost", 0.0009).put("output_cost", 0.0006).put("total_cost", 0.0015);
    generation.put("prompt", "You are a support assistant. " + "Context line. ".repeat(20));
    generation.put("response", "The order ships tomorrow. ".repeat(4));
    span(spans, spanId(n, 2), root, "lookup_order", "tool", startSeconds + 0.9, 0.2, n % 17 == 0);
    ObjectNode evaluation = span(spans, spanId(n, 3), spanId(n, 1), "helpfulness", "evaluation", startSeconds + 1.15, 0, false);
    evaluation.putObject("input_data").putObject("evaluation").put("name", "helpfulness").put("score", (n % 10) / 10.0);
    return trace;
  }

  private static String spanId(int trace, int span) {
    return String.format(Locale.ROOT, "%08x-%04x-4000-8000-000000000000", trace, span + 1);
  }

  private static ObjectNode span(ArrayNode spans, String id, String parent, String name, String type, double start,
      double seconds, boolean failed) {
    ObjectNode span = spans.addObject();
    span.put("span_id", id);
    span.put("parent_span_id", parent);
    span.put("span_name", name);
    span.put("span_type", type);
    span.put("start_time", start);
    span.put("end_time", start + seconds);
    span.put("duration_ms", Math.round(seconds * 1000));
    span.put("status", failed ? "error" : "success");
    span.putObject("metadata").put("environment", "prod");
    return span;
  }

  private static void deleteRecursively(Path directory) throws IOException {
    if (!Files.exists(directory)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(directory)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }
}
