package io.llmops.observability.otlp;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** Trace JSON files of the test resources. */
final class Fixtures {

  private Fixtures() {}

  /** A hand-written wire-format trace with one span of each kind the demo makes. */
  static byte[] everySpanType() {
    try (InputStream in = Fixtures.class.getResourceAsStream("/every-span-type.json")) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
