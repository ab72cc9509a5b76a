package io.llmops.observability.internal.wire;

import java.util.Arrays;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * Gzip (RFC 1952) with one {@link Deflater} kept per thread and reset between uses. A fresh
 * {@code GZIPOutputStream} per message allocates and frees zlib's state (about 256 KiB) every
 * time; reusing it makes compression of a typical trace markedly cheaper (docs/PERFORMANCE.md).
 * Only the export worker compresses, so one deflater per worker thread is held. Internal.
 */
final class Gzip {

  /** Magic, method deflate, no flags, no mtime, no extra flags, OS unknown: what the JDK writes. */
  private static final byte[] HEADER = {0x1f, (byte) 0x8b, 8, 0, 0, 0, 0, 0, 0, (byte) 0xff};
  private static final int TRAILER_BYTES = 8;

  // BEST_SPEED: twice the export worker's throughput of level 6, for bodies about 10% larger
  // (gzip 27% instead of 24% of realistic trace JSON; see docs/PERFORMANCE.md)
  private static final ThreadLocal<Deflater> DEFLATER =
      ThreadLocal.withInitial(() -> new Deflater(Deflater.BEST_SPEED, true));

  private Gzip() {}

  static byte[] compress(byte[] data) {
    Deflater deflater = DEFLATER.get();
    deflater.reset();
    deflater.setInput(data);
    deflater.finish();
    byte[] out = Arrays.copyOf(HEADER, Math.max(64, data.length / 3 + HEADER.length + TRAILER_BYTES));
    int length = HEADER.length;
    while (!deflater.finished()) {
      if (length == out.length) {
        out = Arrays.copyOf(out, out.length * 2);
      }
      length += deflater.deflate(out, length, out.length - length);
    }
    CRC32 crc = new CRC32();
    crc.update(data);
    if (out.length - length < TRAILER_BYTES) {
      out = Arrays.copyOf(out, length + TRAILER_BYTES);
    }
    length = putIntLittleEndian(out, length, (int) crc.getValue());
    length = putIntLittleEndian(out, length, data.length);
    return length == out.length ? out : Arrays.copyOf(out, length);
  }

  private static int putIntLittleEndian(byte[] out, int at, int value) {
    out[at] = (byte) value;
    out[at + 1] = (byte) (value >>> 8);
    out[at + 2] = (byte) (value >>> 16);
    out[at + 3] = (byte) (value >>> 24);
    return at + 4;
  }
}
