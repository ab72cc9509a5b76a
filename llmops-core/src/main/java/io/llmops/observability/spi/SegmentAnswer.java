package io.llmops.observability.spi;

import io.llmops.observability.TraceHeaders;
import org.jspecify.annotations.Nullable;

/** Reads the {@value TraceHeaders#LLMOPS_SEGMENT} header of an answer. */
final class SegmentAnswer {

  /** Stands for a header sent twice with different values: never a valid segment id. */
  private static final String AMBIGUOUS = "";

  private SegmentAnswer() {}

  /** The header's value; null when absent, an invalid value when sent twice differently. */
  static @Nullable String read(HeaderSource headers) {
    String[] found = new String[1];
    headers.forEachHeader((name, value) -> {
      if (TraceHeaders.LLMOPS_SEGMENT.equalsIgnoreCase(name)) {
        found[0] = found[0] == null || found[0].equals(value) ? value : AMBIGUOUS;
      }
    });
    return found[0];
  }
}
