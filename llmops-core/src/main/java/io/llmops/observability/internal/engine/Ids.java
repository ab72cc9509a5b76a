package io.llmops.observability.internal.engine;

import java.util.concurrent.ThreadLocalRandom;

/**
 * Random version-4 UUID strings for trace and span ids. {@link ThreadLocalRandom} instead of
 * {@code UUID.randomUUID()}: ids need uniqueness, not secrecy, and SecureRandom would cost more
 * than the rest of a span. Internal.
 */
public final class Ids {

  private static final char[] HEX = "0123456789abcdef".toCharArray();

  private Ids() {}

  public static String uuid() {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    long high = (random.nextLong() & 0xffffffffffff0fffL) | 0x0000000000004000L;
    long low = (random.nextLong() & 0x3fffffffffffffffL) | 0x8000000000000000L;
    char[] out = new char[36];
    writeHex(out, 0, high >>> 32, 8);
    out[8] = '-';
    writeHex(out, 9, high >>> 16, 4);
    out[13] = '-';
    writeHex(out, 14, high, 4);
    out[18] = '-';
    writeHex(out, 19, low >>> 48, 4);
    out[23] = '-';
    writeHex(out, 24, low, 12);
    return new String(out);
  }

  private static void writeHex(char[] out, int offset, long value, int digits) {
    for (int i = digits - 1; i >= 0; i--) {
      out[offset + i] = HEX[(int) (value & 0xf)];
      value >>>= 4;
    }
  }
}
