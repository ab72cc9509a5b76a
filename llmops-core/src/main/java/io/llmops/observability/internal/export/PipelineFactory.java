package io.llmops.observability.internal.export;

import io.llmops.observability.LlmopsConfig;
import io.llmops.observability.LlmopsSettings;
import io.llmops.observability.internal.common.Counters;
import io.llmops.observability.internal.common.LoopThreads;
import io.llmops.observability.internal.wire.FieldLimits;
import io.llmops.observability.internal.wire.MessageEncoder;
import io.llmops.observability.internal.wire.Redactor;
import io.llmops.observability.internal.wire.TraceJsonWriter;
import io.llmops.observability.spi.SdkInfo;

/** Builds the export pipeline a configuration describes: its sinks, encoder and bounds. Internal. */
public final class PipelineFactory {

  private PipelineFactory() {}

  /** The pipeline of {@code config}, writing through {@code redactor} (the runtime's one). */
  public static ExportPipeline create(LlmopsConfig config, Counters counters, Redactor redactor) {
    return new ExportPipeline(SinkFactory.prepare(config, counters),
        encoder(config, counters, redactor), counters, options(config), LoopThreads.daemons());
  }

  static TraceEncoder encoder(LlmopsConfig config, Counters counters, Redactor redactor) {
    TraceJsonWriter writer = new TraceJsonWriter(redactor, counters, SdkInfo.NAME, SdkInfo.VERSION);
    FieldLimits limits = new FieldLimits(config.get(LlmopsSettings.MAX_TRACE_IO_BYTES),
        config.get(LlmopsSettings.MAX_SPAN_IO_BYTES), config.get(LlmopsSettings.MAX_PROMPT_RESPONSE_BYTES),
        Integer.MAX_VALUE, 0);
    return new MessageEncoder(writer, limits, config.maxMessageBytes(), counters)::encode;
  }

  static ExportOptions options(LlmopsConfig config) {
    return new ExportOptions(config.exportQueueCapacity(),
        config.get(LlmopsSettings.EXPORT_QUEUE_MAX_BYTES), config.get(LlmopsSettings.EXPORT_TIMEOUT));
  }
}
