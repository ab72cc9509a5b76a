package io.llmops.observability.internal.export;

import io.llmops.observability.export.TraceSink;
import java.util.function.Supplier;

/**
 * A sink to be built on its own lane thread ({@link SinkLane}), and the name it goes by until
 * then (in thread names, counters and logs). Internal.
 *
 * @param deferred whether building waits until the sink has work (or {@link
 *     SinkLane#BUILD_DELAY} has passed): a sink a module builds (threads, a journal) then does not
 *     compete for the CPU with the application's first traced call
 */
public record SinkRecipe(String name, Supplier<TraceSink> build, boolean deferred) {

  /** A sink built already, such as one added in code. */
  public static SinkRecipe of(TraceSink sink) {
    return new SinkRecipe(sink.name(), () -> sink, false);
  }
}
