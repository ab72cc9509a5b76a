package io.llmops.observability.processor.internal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.GZIPInputStream;

/** Gunzips into memory, stopping as soon as the output would pass a cap. */
public final class BoundedGunzip {

  /** The output passed the cap; nothing beyond it was inflated. */
  public static final class TooLarge extends IOException {
    TooLarge() {
      super("decompressed size over the cap");
    }
  }

  private BoundedGunzip() {}

  /**
   * The inflated bytes.
   *
   * @throws TooLarge when they would exceed {@code maxBytes}
   * @throws IOException when {@code gzip} is not gzip or is cut short
   */
  public static byte[] inflate(byte[] gzip, int maxBytes) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream(Math.min(maxBytes, gzip.length * 4 + 64));
    byte[] buffer = new byte[8192];
    try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(gzip), buffer.length)) {
      int read;
      while ((read = in.read(buffer, 0, Math.min(buffer.length, maxBytes + 1 - out.size()))) > 0) {
        out.write(buffer, 0, read);
        if (out.size() > maxBytes) {
          throw new TooLarge();
        }
      }
    }
    return out.toByteArray();
  }
}
