package io.llmops.observability.internal.export;

import io.llmops.observability.export.TraceSink;
import java.util.function.Supplier;

/**
 * A sink to be built on its own lane thread ({@link SinkLane}), and the name it goes by until
 * then (in thread names, counters and logs). Internal.
 */
public record SinkRecipe(String name, Supplier<TraceSink> build) {

  /** A sink built already, such as one added in code. */
  public static SinkRecipe of(TraceSink sink) {
    return new SinkRecipe(sink.name(), () -> sink);
  }
}
