package io.llmops.observability.otlp.internal;

import io.llmops.observability.export.ExportResult;
import io.llmops.observability.export.TraceMessage;
import io.llmops.observability.export.TraceSink;
import io.llmops.observability.spi.SdkLog;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The {@code langfuse} sink when {@code LLMOPS_SINKS} names it but no key is set: the
 * application keeps running, "Langfuse not configured" is logged once per process, and every
 * trace given to it fails (counted as {@code export_failed.langfuse} by the SDK).
 */
public final class UnconfiguredSink implements TraceSink {

  private static final AtomicBoolean LOGGED = new AtomicBoolean();

  private final String name;

  public UnconfiguredSink(String name) {
    this.name = name;
    if (LOGGED.compareAndSet(false, true)) {
      SdkLog.warn("Langfuse not configured: set LANGFUSE_PUBLIC_KEY and LANGFUSE_SECRET_KEY (and LANGFUSE_BASE_URL "
          + "outside the EU cloud); until then traces for the langfuse sink are counted as failed");
    }
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public ExportResult export(List<TraceMessage> messages) {
    return ExportResult.failure("no Langfuse keys");
  }
}
