package io.llmops.observability.bedrock;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.CRC32;

/** Encodes AWS event-stream messages (string headers only), written from the format's description. */
final class EventStreamEncoder {

  private EventStreamEncoder() {}

  static byte[] event(String eventType, String json) {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put(":event-type", eventType);
    headers.put(":content-type", "application/json");
    headers.put(":message-type", "event");
    return message(headers, json.getBytes(StandardCharsets.UTF_8));
  }

  /** An InvokeModelWithResponseStream {@code chunk} event: the model's JSON, base64 in {@code bytes}. */
  static byte[] chunk(String json) {
    String bytes = Base64.getEncoder().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    return event("chunk", "{\"bytes\":\"" + bytes + "\"}");
  }

  static byte[] exception(String exceptionType, String json) {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put(":exception-type", exceptionType);
    headers.put(":content-type", "application/json");
    headers.put(":message-type", "exception");
    return message(headers, json.getBytes(StandardCharsets.UTF_8));
  }

  /** {@code message} with its message checksum off by one bit, as a corrupted frame would be. */
  static byte[] withBadChecksum(byte[] message) {
    byte[] corrupted = message.clone();
    corrupted[corrupted.length - 1] ^= 1;
    return corrupted;
  }

  static byte[] message(Map<String, String> headers, byte[] payload) {
    ByteArrayOutputStream h = new ByteArrayOutputStream();
    headers.forEach((name, value) -> {
      byte[] n = name.getBytes(StandardCharsets.UTF_8);
      byte[] v = value.getBytes(StandardCharsets.UTF_8);
      h.write(n.length);
      h.writeBytes(n);
      h.write(7); // string
      h.write((v.length >>> 8) & 0xff);
      h.write(v.length & 0xff);
      h.writeBytes(v);
    });
    byte[] headerBytes = h.toByteArray();
    int total = 12 + headerBytes.length + payload.length + 4;
    ByteBuffer out = ByteBuffer.allocate(total);
    out.putInt(total).putInt(headerBytes.length);
    out.putInt(crc(out.array(), 0, 8));
    out.put(headerBytes).put(payload);
    out.putInt(crc(out.array(), 0, total - 4));
    return out.array();
  }

  private static int crc(byte[] bytes, int offset, int length) {
    CRC32 crc = new CRC32();
    crc.update(bytes, offset, length);
    return (int) crc.getValue();
  }
}
