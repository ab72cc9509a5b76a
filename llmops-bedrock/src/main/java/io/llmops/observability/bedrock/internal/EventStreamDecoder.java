package io.llmops.observability.bedrock.internal;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.zip.CRC32;

/**
 * Incremental decoder of the AWS event-stream encoding ({@code application/vnd.amazon.eventstream})
 * that Bedrock Runtime streams use. Each message is a 12-byte prelude (total length, headers
 * length, CRC32 of the first 8 bytes), the headers, the payload and a CRC32 of everything before
 * it. Bytes may arrive split anywhere. A malformed frame stops decoding for good (the caller's
 * stream is never affected: this only observes copies). Not thread-safe: fed by one subscriber.
 * Internal.
 */
public final class EventStreamDecoder {

  /** A decoded message: string-valued headers (others as their string form) and the payload. */
  public record Message(Map<String, String> headers, byte[] payload) {
    public String header(String name) {
      return headers.get(name);
    }
  }

  /** Receives each decoded message. */
  public interface Listener {
    void onMessage(Message message);
  }

  static final int PRELUDE = 12;
  static final int MAX_MESSAGE = 24 * 1024 * 1024;

  private final Listener listener;
  private byte[] buffer = new byte[8 * 1024];
  private int length;
  private boolean broken;

  public EventStreamDecoder(Listener listener) {
    this.listener = listener;
  }

  /** Whether a malformed frame was met (decoding stopped). */
  public boolean broken() {
    return broken;
  }

  /** Feeds the remaining bytes of {@code data} without moving its position. */
  public void feed(ByteBuffer data) {
    if (broken || data == null || !data.hasRemaining()) {
      return;
    }
    ByteBuffer copy = data.duplicate();
    ensure(length + copy.remaining());
    int n = copy.remaining();
    copy.get(buffer, length, n);
    length += n;
    drain();
  }

  private void ensure(int capacity) {
    if (capacity > buffer.length) {
      int size = buffer.length;
      while (size < capacity) {
        size *= 2;
      }
      byte[] bigger = new byte[size];
      System.arraycopy(buffer, 0, bigger, 0, length);
      buffer = bigger;
    }
  }

  private void drain() {
    int offset = 0;
    while (!broken && length - offset >= PRELUDE) {
      int total = readInt(buffer, offset);
      int headersLength = readInt(buffer, offset + 4);
      if (total < PRELUDE + 4 || total > MAX_MESSAGE || headersLength < 0
          || headersLength > total - PRELUDE - 4
          || crc(buffer, offset, 8) != readInt(buffer, offset + 8)) {
        broken = true;
        break;
      }
      if (length - offset < total) {
        break;
      }
      if (crc(buffer, offset, total - 4) != readInt(buffer, offset + total - 4)) {
        broken = true;
        break;
      }
      Map<String, String> headers = headers(buffer, offset + PRELUDE, headersLength);
      if (headers == null) {
        broken = true;
        break;
      }
      int payloadStart = offset + PRELUDE + headersLength;
      int payloadLength = total - PRELUDE - headersLength - 4;
      byte[] payload = new byte[payloadLength];
      System.arraycopy(buffer, payloadStart, payload, 0, payloadLength);
      offset += total;
      listener.onMessage(new Message(headers, payload));
    }
    if (broken) {
      buffer = new byte[0];
      length = 0;
      return;
    }
    if (offset > 0) {
      System.arraycopy(buffer, offset, buffer, 0, length - offset);
      length -= offset;
    }
  }

  private static Map<String, String> headers(byte[] b, int start, int len) {
    Map<String, String> out = new HashMap<>();
    int p = start;
    int end = start + len;
    while (p < end) {
      int nameLength = b[p++] & 0xff;
      if (p + nameLength + 1 > end) {
        return null;
      }
      String name = new String(b, p, nameLength, StandardCharsets.UTF_8);
      p += nameLength;
      int type = b[p++];
      int valueLength;
      String value;
      switch (type) {
        case 0, 1 -> { valueLength = 0; value = type == 0 ? "true" : "false"; }
        case 2 -> { valueLength = 1; value = null; }
        case 3 -> { valueLength = 2; value = null; }
        case 4 -> { valueLength = 4; value = null; }
        case 5, 8 -> { valueLength = 8; value = null; }
        case 9 -> { valueLength = 16; value = null; }
        case 6, 7 -> {
          if (p + 2 > end) {
            return null;
          }
          int n = ((b[p] & 0xff) << 8) | (b[p + 1] & 0xff);
          p += 2;
          if (p + n > end) {
            return null;
          }
          value = type == 7 ? new String(b, p, n, StandardCharsets.UTF_8) : null;
          valueLength = n;
        }
        default -> { return null; }
      }
      if (p + valueLength > end) {
        return null;
      }
      p += valueLength;
      if (value != null) {
        out.put(name, value);
      }
    }
    return out;
  }

  static int readInt(byte[] b, int at) {
    return ((b[at] & 0xff) << 24) | ((b[at + 1] & 0xff) << 16) | ((b[at + 2] & 0xff) << 8) | (b[at + 3] & 0xff);
  }

  static int crc(byte[] b, int at, int len) {
    CRC32 crc = new CRC32();
    crc.update(b, at, len);
    return (int) crc.getValue();
  }
}
