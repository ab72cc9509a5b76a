package io.llmops.observability.testing;

import io.llmops.observability.LlmopsConfig;
import io.llmops.observability.export.TraceSink;
import io.llmops.observability.spi.SinkProvider;

/** A sink module whose own settings are invalid: creating its sink fails, as a real one would. */
public final class RefusingSinkProvider implements SinkProvider {

  @Override
  public String name() {
    return "refusing";
  }

  @Override
  public TraceSink create(LlmopsConfig config) {
    throw new IllegalArgumentException("REFUSING_SINK_SETTING: expected a value, got none");
  }
}
