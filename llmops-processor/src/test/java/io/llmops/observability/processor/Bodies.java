package io.llmops.observability.processor;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.zip.GZIPOutputStream;

/** Message bodies built the way the SDKs build them, for tests. */
final class Bodies {

  private Bodies() {}

  /** A compressed wrapper around {@code traceJson}. */
  static String compressed(String traceId, String type, String traceJson) {
    return compressedBytes(traceId, type, traceJson.getBytes(StandardCharsets.UTF_8));
  }

  static String compressedBytes(String traceId, String type, byte[] traceJson) {
    return "{\"compressed\":true,\"data\":\"" + Base64.getEncoder().encodeToString(gzip(traceJson))
        + "\",\"trace_id\":\"" + traceId + "\",\"type\":\"" + type + "\"}";
  }

  static byte[] gzip(byte[] bytes) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
      gzip.write(bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  static String resource(String name) {
    try (InputStream in = Bodies.class.getResourceAsStream(name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
