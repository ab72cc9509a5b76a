package io.llmops.observability.processor.sink;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.llmops.observability.LlmopsConfig;
import io.llmops.observability.LlmopsSettings;
import io.llmops.observability.export.ExportResult;
import io.llmops.observability.export.TraceMessage;
import io.llmops.observability.otlp.LangfuseSinkProvider;
import io.llmops.observability.otlp.OtlpSettings;
import io.llmops.observability.otlp.OtlpSinkProvider;
import io.llmops.observability.processor.ExportedTrace;
import io.llmops.observability.processor.TraceSink;
import io.llmops.observability.processor.internal.Counters;
import io.llmops.observability.spi.SinkProvider;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The {@code otlp} and {@code langfuse} sinks of the processor: llmops-otlp's sinks (its converter,
 * OpenTelemetry's exporter, the Langfuse scores of evaluation spans), configured by the same
 * variables as in the SDK (docs/OTLP_LANGFUSE.md). Each export sends only its
 * {@link ExportedTrace#newSpanIds()}: Langfuse stores a span sent twice as two observations, so a
 * late export sends the late segment's spans and nothing already sent.
 *
 * <p>The llmops-otlp sink retries on its own (429 and 5xx, honouring {@code Retry-After}; network
 * errors and timeouts; never another 4xx) within this sink's time budget, so its failure reaches
 * {@link SinkFanOut} as a {@link SinkFailure} not to retry at once: the export waits for its next
 * delivery. One call at a time (the llmops-otlp sink is single-threaded); thread-safe.
 */
public final class SpanSink implements TraceSink, AutoCloseable {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(5);
  private static final Set<String> DELIVERY_SETTINGS = Set.of(OtlpSettings.TIMEOUT,
      OtlpSettings.RETRY_ATTEMPTS, OtlpSettings.RETRY_DELAY, OtlpSettings.MAX_BATCH_BYTES);

  private final String name;
  private final io.llmops.observability.export.TraceSink sink;
  private final Counters metrics = new Counters();
  private final ReentrantLock oneAtATime = new ReentrantLock();

  private SpanSink(SinkProvider provider, Map<String, String> settings, Duration budget) {
    this.name = provider.name();
    this.sink = provider.create(configOf(settings, budget), metrics);
  }

  /**
   * The {@code otlp} sink: {@code OTEL_EXPORTER_OTLP_ENDPOINT} or
   * {@code OTEL_EXPORTER_OTLP_TRACES_ENDPOINT}, {@code OTEL_EXPORTER_OTLP_HEADERS},
   * {@code OTEL_SERVICE_NAME} and {@code LLMOPS_OTLP_*} from {@code settings}; each delivery takes
   * at most {@code budget}.
   *
   * @throws IllegalArgumentException naming the variable when a setting is invalid
   */
  public static SpanSink otlp(Map<String, String> settings, Duration budget) {
    return new SpanSink(new OtlpSinkProvider(), settings, budget);
  }

  /**
   * The {@code langfuse} sink: {@code LANGFUSE_PUBLIC_KEY}, {@code LANGFUSE_SECRET_KEY},
   * {@code LANGFUSE_BASE_URL} (or {@code LANGFUSE_HOST}) and {@code LLMOPS_OTLP_*}.
   *
   * @throws IllegalArgumentException naming the variable when a key is missing or a setting invalid
   */
  public static SpanSink langfuse(Map<String, String> settings, Duration budget) {
    if (!settings.containsKey(OtlpSettings.LANGFUSE_PUBLIC_KEY)
        && !settings.containsKey(OtlpSettings.LANGFUSE_SECRET_KEY)) {
      throw new IllegalArgumentException(OtlpSettings.LANGFUSE_PUBLIC_KEY + " and "
          + OtlpSettings.LANGFUSE_SECRET_KEY + " must be set for the langfuse sink");
    }
    return new SpanSink(new LangfuseSinkProvider(), settings, budget);
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public void deliver(ExportedTrace trace) throws SinkFailure, InterruptedException {
    // interruptible, so that a call abandoned at the fan-out's deadline stops waiting for the one before it
    oneAtATime.lockInterruptibly();
    try {
      send(trace);
    } finally {
      oneAtATime.unlock();
    }
  }

  private void send(ExportedTrace trace) throws SinkFailure {
    ObjectNode newSpans = withNewSpansOnly(trace);
    int spanCount = newSpans.withArray("spans").size();
    if (spanCount == 0) {
      return;
    }
    byte[] json;
    try {
      json = JSON.writeValueAsBytes(newSpans);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("the trace could not be written as JSON", e);
    }
    long refusedBefore = refused();
    ExportResult result = sink.export(List.of(new TraceMessage(trace.traceId(),
        "SDKTraceData", "{}", trace.exportId(), json, spanCount)));
    if (!result.isSuccess()) {
      boolean refused = refused() > refusedBefore;
      throw SinkFailure.notNow(name + " sink: " + (refused
          ? "the endpoint refused the request (HTTP 4xx, not retried; llmops-otlp logs the setting"
          + " to fix once per status)"
          : "not delivered after its own retries (" + result.reason() + ")"));
    }
  }

  /**
   * What the llmops-otlp sink counted: {@code <sink>.spans_sent}, {@code .requests},
   * {@code .duplicates_skipped}, {@code .scores_sent}, and the drops {@code dropped.<sink>_*}.
   */
  public Map<String, Long> counters() {
    return new TreeMap<>(metrics.snapshot());
  }

  /** Closes the exporter, waiting a few seconds at most. */
  @Override
  public void close() {
    sink.shutdown(CLOSE_TIMEOUT);
  }

  private long refused() {
    return metrics.get(OtlpSettings.droppedRejected(name))
        + metrics.get(OtlpSettings.droppedScoresRejected(name));
  }

  /** A copy of the export's trace holding only the spans it adds. */
  private static ObjectNode withNewSpansOnly(ExportedTrace trace) {
    ObjectNode copy = trace.trace().deepCopy();
    ArrayNode kept = copy.arrayNode();
    for (JsonNode span : trace.trace().path("spans")) {
      if (trace.newSpanIds().contains(span.path("span_id").asText())) {
        kept.add(span);
      }
    }
    copy.set("spans", kept);
    return copy;
  }

  /**
   * The llmops-otlp sink's configuration: only its own variables from {@code settings} (nothing
   * from the process environment, system properties or a .env file), and the export time limit
   * set to {@code budget}.
   */
  private static LlmopsConfig configOf(Map<String, String> settings, Duration budget) {
    Map<String, String> own = new TreeMap<>();
    settings.forEach((key, value) -> {
      if (key.startsWith("OTEL_") || key.startsWith("LANGFUSE_") || DELIVERY_SETTINGS.contains(key)) {
        own.put(key, value);
      }
    });
    return LlmopsConfig.builder()
        .environmentVariables(own)
        .systemProperties(new Properties())
        .dotEnvFile(null)
        .set(LlmopsSettings.EXPORT_TIMEOUT.name(), Double.toString(budget.toMillis() / 1000.0))
        .build();
  }
}
