package io.llmops.observability.agent.testing;

import io.llmops.observability.spi.ExportResult;
import io.llmops.observability.spi.TraceMessage;
import io.llmops.observability.spi.TraceSink;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A sink that keeps every message it receives, for assertions. */
public final class CollectingSink implements TraceSink {

  private final List<TraceMessage> messages = new CopyOnWriteArrayList<>();

  @Override
  public String name() {
    return "collecting";
  }

  @Override
  public ExportResult export(List<TraceMessage> batch) {
    messages.addAll(batch);
    return ExportResult.success();
  }

  public List<TraceMessage> messages() {
    return messages;
  }
}
