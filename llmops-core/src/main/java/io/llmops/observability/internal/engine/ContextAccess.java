package io.llmops.observability.internal.engine;

import io.llmops.observability.LlmopsContext;
import java.util.function.Function;

/**
 * How the engine reads the {@link ActiveContext} inside a public {@link LlmopsContext} without the
 * public class exposing it: {@code LlmopsContext} hands its reader over when it is initialised
 * (which happens before any instance can reach the engine). Internal.
 */
public final class ContextAccess {

  private static volatile Function<LlmopsContext, Object> reader;

  private ContextAccess() {}

  /** Called once, by {@code LlmopsContext}'s initialiser; later calls are ignored. */
  static synchronized void setReader(Function<LlmopsContext, Object> contextReader) {
    if (reader == null) {
      reader = contextReader;
    }
  }

  static ActiveContext unwrap(LlmopsContext context) {
    return (ActiveContext) reader.apply(context);
  }
}
