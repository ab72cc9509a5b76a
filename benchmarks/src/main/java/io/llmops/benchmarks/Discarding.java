package io.llmops.benchmarks;

import io.llmops.observability.Llmops;
import io.llmops.observability.LlmopsConfig;
import io.llmops.observability.export.ExportResult;
import io.llmops.observability.export.TraceMessage;
import io.llmops.observability.export.TraceSink;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.BatchSpanProcessor;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.LongAdder;

/** Set-up shared by the benchmarks: both SDKs wired to sinks that discard everything. */
final class Discarding {

  private Discarding() {}

  /** Our sink: counts and drops. */
  static final class Sink implements TraceSink {
    final LongAdder messages = new LongAdder();

    @Override
    public String name() {
      return "discard";
    }

    @Override
    public ExportResult export(List<TraceMessage> batch) {
      messages.add(batch.size());
      return ExportResult.success();
    }
  }

  /** OpenTelemetry's exporter: drops. */
  static final class Exporter implements SpanExporter {
    @Override
    public CompletableResultCode export(Collection<SpanData> spans) {
      return CompletableResultCode.ofSuccess();
    }

    @Override
    public CompletableResultCode flush() {
      return CompletableResultCode.ofSuccess();
    }

    @Override
    public CompletableResultCode shutdown() {
      return CompletableResultCode.ofSuccess();
    }
  }

  /**
   * Installs the SDK with default settings except: nothing read from the machine's environment
   * and one discarding sink (so the export worker still encodes every trace, then drops it).
   */
  static Sink configureLlmops() {
    return configureLlmops(Map.of());
  }

  /** As {@link #configureLlmops()}, with a few settings changed (by their variable names). */
  static Sink configureLlmops(Map<String, String> settings) {
    Sink sink = new Sink();
    LlmopsConfig.Builder builder = LlmopsConfig.builder();
    settings.forEach(builder::set);
    LlmopsConfig config = builder
        .environmentVariables(Map.of())
        .systemProperties(new Properties())
        .dotEnvFile(null)
        .projectId("bench")
        .environment("bench")
        .addSink(sink)
        .build();
    Llmops.configure(config);
    return sink;
  }

  /** Stops the worker and prints the SDK's counters (exported, dropped...) for the record. */
  static void shutdownLlmops(String benchmark, Sink sink) {
    Llmops.shutdown(Duration.ofSeconds(30));
    System.out.println();
    System.out.println("[" + benchmark + "] sink received " + sink.messages.sum()
        + " messages; SDK counters: " + Llmops.stats());
  }

  /** OpenTelemetry SDK with a BatchSpanProcessor (defaults) in front of a discarding exporter. */
  static OpenTelemetrySdk openTelemetry() {
    SdkTracerProvider provider = SdkTracerProvider.builder()
        .addSpanProcessor(BatchSpanProcessor.builder(new Exporter()).build())
        .build();
    return OpenTelemetrySdk.builder().setTracerProvider(provider).build();
  }
}
