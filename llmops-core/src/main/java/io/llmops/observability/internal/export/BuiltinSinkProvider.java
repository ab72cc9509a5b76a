package io.llmops.observability.internal.export;

import io.llmops.observability.LlmopsConfig;
import io.llmops.observability.export.TraceSink;
import io.llmops.observability.spi.SinkProvider;
import java.util.function.Function;

/** A {@link SinkProvider} for a sink built into the core: a name and a factory. Internal. */
abstract class BuiltinSinkProvider implements SinkProvider {

  private final String name;
  private final Function<LlmopsConfig, TraceSink> factory;

  BuiltinSinkProvider(String name, Function<LlmopsConfig, TraceSink> factory) {
    this.name = name;
    this.factory = factory;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public TraceSink create(LlmopsConfig config) {
    return factory.apply(config);
  }
}
