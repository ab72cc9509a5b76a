package io.llmops.benchmarks;

import com.sun.net.httpserver.HttpServer;
import io.llmops.observability.LlmopsConfig;
import io.llmops.observability.export.SinkMetrics;
import io.llmops.observability.export.TraceMessage;
import io.llmops.observability.export.TraceSink;
import io.llmops.observability.otlp.OtlpSettings;
import io.llmops.observability.otlp.OtlpSinkProvider;
import io.llmops.observability.otlp.OtlpTraceConverter;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.exporter.internal.otlp.traces.TraceRequestMarshaler;
import io.opentelemetry.exporter.otlp.http.trace.OtlpHttpSpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.BatchSpanProcessor;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
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
 * The OTLP export's cost per span (microseconds; 1e6 / score is spans per second per core):
 * {@link OtlpTraceConverter#convert} on a 6-span and a 200-span trace (an agent root, generations
 * with model, usage, cost and a 400-character prompt and response, tools), the same plus the
 * protobuf encoding the exporter sends (before gzip); and delivery of a 200-span trace to a local
 * HttpServer on 127.0.0.1 answering 200: through the {@code otlp} sink (convert, batch, send with
 * the OpenTelemetry exporter, wait for the answer) against the OpenTelemetry SDK building the same
 * spans (same names, times and attributes) through a {@link BatchSpanProcessor} and
 * {@link OtlpHttpSpanExporter}, flushed after each trace so that both measure spans delivered.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
// nodelay: the JDK server otherwise waits out delayed ACKs, 40 ms a request on Linux.
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g", "-Dsun.net.httpserver.nodelay=true"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@State(Scope.Thread)
public class OtlpBenchmark {

  private static final String PROMPT = "x".repeat(400);

  OtlpTraceConverter converter;
  byte[] small;
  byte[] large;
  List<SpanData> largeSpans;
  HttpServer server;
  TraceSink sink;
  SdkTracerProvider sdk;
  Tracer tracer;
  int traceNumber;

  @Setup(Level.Trial)
  public void setUp() throws IOException {
    converter = OtlpTraceConverter.create("bench");
    small = trace(0, 6).traceJson();
    large = trace(0, 200).traceJson();
    largeSpans = converter.convert(large).spans();
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/", exchange -> {
      try (exchange) {
        exchange.getRequestBody().readAllBytes();
        exchange.sendResponseHeaders(200, 2);
        exchange.getResponseBody().write("{}".getBytes(StandardCharsets.UTF_8));
      }
    });
    server.setExecutor(Executors.newFixedThreadPool(2));
    server.start();
    String endpoint = "http://127.0.0.1:" + server.getAddress().getPort();
    LlmopsConfig config = LlmopsConfig.builder()
        .set(OtlpSettings.OTLP_ENDPOINT, endpoint)
        .set("LLMOPS_EXPORT_TIMEOUT", "30")
        .build();
    sink = new OtlpSinkProvider().create(config, SinkMetrics.detached());
    sdk = SdkTracerProvider.builder()
        .addSpanProcessor(BatchSpanProcessor.builder(OtlpHttpSpanExporter.builder()
                .setEndpoint(endpoint + "/v1/traces").setCompression("gzip").build())
            .setMaxExportBatchSize(512).setMaxQueueSize(65_536).build())
        .build();
    tracer = sdk.get("bench");
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    sink.shutdown(Duration.ofSeconds(5));
    sdk.shutdown().join(5, TimeUnit.SECONDS);
    server.stop(0);
  }

  @Benchmark
  @OperationsPerInvocation(6)
  public Object convert6Spans() {
    return converter.convert(small);
  }

  @Benchmark
  @OperationsPerInvocation(200)
  public Object convert200Spans() {
    return converter.convert(large);
  }

  @Benchmark
  @OperationsPerInvocation(6)
  public byte[] convertAndEncode6Spans() throws IOException {
    return encode(converter.convert(small).spans());
  }

  @Benchmark
  @OperationsPerInvocation(200)
  public byte[] convertAndEncode200Spans() throws IOException {
    return encode(converter.convert(large).spans());
  }

  /** A new trace id each time: the sink sends a span id only once. */
  @Benchmark
  @OperationsPerInvocation(200)
  public boolean otlpSinkDelivers200Spans() {
    return sink.export(List.of(trace(++traceNumber, 200))).isSuccess();
  }

  @Benchmark
  @OperationsPerInvocation(200)
  public boolean sdkBatchProcessorDelivers200Spans() {
    Span root = null;
    for (SpanData data : largeSpans) {
      var builder = tracer.spanBuilder(data.getName()).setAllAttributes(data.getAttributes())
          .setStartTimestamp(data.getStartEpochNanos(), TimeUnit.NANOSECONDS);
      builder = root == null ? builder.setNoParent() : builder.setParent(Context.root().with(root));
      Span span = builder.startSpan();
      if (root == null) {
        root = span;
      } else {
        span.end(data.getEndEpochNanos(), TimeUnit.NANOSECONDS);
      }
    }
    root.end();
    return sdk.forceFlush().join(30, TimeUnit.SECONDS).isSuccess();
  }

  private static byte[] encode(List<SpanData> spans) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
    TraceRequestMarshaler.create(spans).writeBinaryTo(out);
    return out.toByteArray();
  }

  /** Trace {@code n} with {@code spans} spans: an agent root, then generations and tools in turn. */
  static TraceMessage trace(int n, int spans) {
    String traceId = String.format(Locale.ROOT, "%08x-0000-4000-8000-%012x", n + 1, n + 1);
    StringBuilder json = new StringBuilder("{\"trace_id\":\"").append(traceId)
        .append("\",\"trace_name\":\"bench\",\"project_id\":\"p\",\"environment\":\"prod\",")
        .append("\"user_id\":\"u-1\",\"session_id\":\"s-1\",\"tags\":[\"bench\"],\"spans\":[");
    for (int i = 0; i < spans; i++) {
      String type = i == 0 ? "agent" : i % 2 == 1 ? "generation" : "tool";
      json.append(i == 0 ? "" : ",").append("{\"span_id\":\"").append(spanId(n, i))
          .append("\",\"span_name\":\"").append(type).append(i).append("\",\"span_type\":\"")
          .append(type).append("\",\"parent_span_id\":")
          .append(i == 0 ? "null" : "\"" + spanId(n, 0) + "\"")
          .append(",\"start_time\":1769446311.5,\"end_time\":1769446312.25,\"status\":\"success\",")
          .append("\"input_data\":{\"args\":[\"order A-17\"]},\"output_data\":{\"output\":\"ok\"},")
          .append("\"metadata\":{\"llm.tool_call_id\":\"call_").append(i).append("\"}");
      if (type.equals("generation")) {
        json.append(",\"model_id\":\"anthropic.claude-3-5-sonnet\",\"prompt\":\"").append(PROMPT)
            .append("\",\"response\":\"").append(PROMPT).append("\",\"usage\":{\"input_tokens\":165,")
            .append("\"output_tokens\":26,\"cache_read_input_tokens\":40},\"cost\":{\"input_cost\":0.0005,")
            .append("\"output_cost\":0.0004,\"total_cost\":0.0009}");
      }
      json.append('}');
    }
    json.append("]}");
    return new TraceMessage(traceId, "SDKTraceData", "{}", "0".repeat(32),
        json.toString().getBytes(StandardCharsets.UTF_8), spans);
  }

  private static String spanId(int trace, int span) {
    return String.format(Locale.ROOT, "%08x-%04x-4000-8000-000000000000", trace + 1, span + 1);
  }
}
