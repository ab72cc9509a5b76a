package io.llmops.observability.internal.engine;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Random version-4 UUID strings for trace and span ids. {@link ThreadLocalRandom} instead of
 * {@code UUID.randomUUID()}: ids need uniqueness, not secrecy, and SecureRandom would cost more
 * than the rest of a span. Internal.
 */
public final class Ids {

  private Ids() {}

  public static String uuid() {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    long high = (random.nextLong() & 0xffffffffffff0fffL) | 0x0000000000004000L;
    long low = (random.nextLong() & 0x3fffffffffffffffL) | 0x8000000000000000L;
    return new UUID(high, low).toString(); // the JDK formats straight into a compact string
  }
}
