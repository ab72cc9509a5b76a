package io.llmops.observability.sqs.internal;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;

/**
 * The on-disk format of a spillover segment: an 8-byte file header, then records of
 * {@code [magic:int][length:int][crc32(payload):int][payload]}, big-endian. A payload is either a
 * message (version byte 1) or a mark (version byte 2) that records what became of earlier
 * messages of the same file, named by the offset where their record starts: {@link Mark#SENDING}
 * (an attempt to send them started), {@link Mark#DONE} (SQS took them, or rejected them for good:
 * they are no longer waiting) or {@link Mark#NOT_SENT} (the attempt failed for certain). The last
 * mark naming a message wins. A record whose checksum fails is skipped by searching for the next
 * valid record; a record cut short at the end of the file (a crash mid-write) is ignored.
 * Internal.
 */
final class JournalFormat {

  static final byte[] FILE_HEADER = {'L', 'L', 'M', 'S', 'P', 'L', '0', '1'};
  /** Not valid UTF-8 and not ASCII, so it cannot appear inside the text fields by accident. */
  static final int RECORD_MAGIC = 0xF15EB07A;
  static final int RECORD_HEADER_BYTES = 12;
  static final int MAX_PAYLOAD_BYTES = 4 << 20;
  private static final byte MESSAGE_VERSION = 1;
  private static final byte MARK_VERSION = 2;

  /** What a mark says about the messages it names; the code is what the file holds. */
  enum Mark {
    /** An attempt to send them started: SQS may have them once its outcome is unknown. */
    SENDING(1),
    /** SQS took them, or rejected them for good: they are no longer waiting. */
    DONE(2),
    /** The attempt failed for certain: SQS does not have them. */
    NOT_SENT(3);

    final byte code;

    Mark(int code) {
      this.code = (byte) code;
    }

    /** The mark of {@code code}, or null for a code this version does not know. */
    static Mark of(byte code) {
      for (Mark mark : values()) {
        if (mark.code == code) {
          return mark;
        }
      }
      return null;
    }
  }

  /** What a record holds: a message, or a mark about earlier messages. */
  private sealed interface Payload permits Record, MarkPayload {}

  private record MarkPayload(Mark mark, int[] offsets) implements Payload {}

  private JournalFormat() {}

  /** A spilled message. */
  record Record(String traceId, String type, String idempotencyKey, String body) implements Payload {
    Entry toEntry() {
      return new Entry(traceId, type, idempotencyKey, body);
    }

    static Record of(Entry entry) {
      return new Record(entry.traceId, entry.type, entry.idempotencyKey, entry.body);
    }
  }

  /**
   * A message still waiting in a segment: where its record starts, and whether an earlier attempt
   * may have delivered it already (the last mark naming it is {@link Mark#SENDING}).
   */
  record Stored(Record record, int offset, boolean maybeDelivered) {
    Stored withMaybeDelivered(boolean value) {
      return value == maybeDelivered ? this : new Stored(record, offset, value);
    }
  }

  /**
   * What a segment holds: the messages still waiting (not marked {@link Mark#DONE}), how many
   * records were corrupt, whether the tail was torn, and where the last valid record ends.
   */
  record Parsed(List<Stored> stored, int corrupt, boolean tornTail, int validEnd) {
    List<Record> records() {
      return stored.stream().map(Stored::record).toList();
    }
  }

  static byte[] encode(Record record) {
    ByteArrayOutputStream payloadBytes = new ByteArrayOutputStream(record.body().length() + 128);
    try (DataOutputStream out = new DataOutputStream(payloadBytes)) {
      out.writeByte(MESSAGE_VERSION);
      writeString(out, record.traceId());
      writeString(out, record.type());
      writeString(out, record.idempotencyKey());
      writeString(out, record.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return frame(payloadBytes.toByteArray());
  }

  /** A mark naming the messages whose records start at {@code offsets} in the same file. */
  static byte[] encodeMark(Mark mark, int[] offsets) {
    ByteBuffer payload = ByteBuffer.allocate(2 + 4 + 4 * offsets.length);
    payload.put(MARK_VERSION).put(mark.code).putInt(offsets.length);
    for (int offset : offsets) {
      payload.putInt(offset);
    }
    return frame(payload.array());
  }

  private static byte[] frame(byte[] payload) {
    CRC32 crc = new CRC32();
    crc.update(payload);
    ByteBuffer buffer = ByteBuffer.allocate(RECORD_HEADER_BYTES + payload.length);
    buffer.putInt(RECORD_MAGIC).putInt(payload.length).putInt((int) crc.getValue()).put(payload);
    return buffer.array();
  }

  static Parsed parse(byte[] data) {
    if (data.length < FILE_HEADER.length || !hasHeader(data)) {
      return new Parsed(List.of(), data.length == 0 ? 0 : 1, false, 0);
    }
    Map<Integer, Record> messages = new LinkedHashMap<>();
    Map<Integer, Mark> lastMark = new HashMap<>();
    int corrupt = 0;
    boolean torn = false;
    int pos = FILE_HEADER.length;
    int validEnd = pos;
    while (pos < data.length) {
      Payload payload = payloadAt(data, pos);
      if (payload != null) {
        if (payload instanceof Record record) {
          messages.put(pos, record);
        } else if (payload instanceof MarkPayload mark) {
          for (int offset : mark.offsets()) {
            lastMark.put(offset, mark.mark());
          }
        }
        pos += RECORD_HEADER_BYTES + ByteBuffer.wrap(data, pos + 4, 4).getInt();
        validEnd = pos;
        continue;
      }
      int next = nextValid(data, pos + 1);
      if (next < 0) {
        // Nothing valid follows: a record cut short by a crash is ignored; damage is counted.
        if (extendsPastEnd(data, pos)) {
          torn = true;
        } else {
          corrupt++;
        }
        break;
      }
      corrupt++;
      pos = next;
    }
    List<Stored> stored = new ArrayList<>(messages.size());
    messages.forEach((offset, record) -> {
      Mark mark = lastMark.get(offset);
      if (mark != Mark.DONE) {
        stored.add(new Stored(record, offset, mark == Mark.SENDING));
      }
    });
    return new Parsed(stored, corrupt, torn, validEnd);
  }


  private static boolean hasHeader(byte[] data) {
    for (int i = 0; i < FILE_HEADER.length; i++) {
      if (data[i] != FILE_HEADER[i]) {
        return false;
      }
    }
    return true;
  }

  /** Whether the bytes at {@code pos} are the start of a record the file is too short to hold. */
  private static boolean extendsPastEnd(byte[] data, int pos) {
    if (data.length - pos < RECORD_HEADER_BYTES) {
      return true;
    }
    ByteBuffer b = ByteBuffer.wrap(data, pos, RECORD_HEADER_BYTES);
    int magic = b.getInt();
    int length = b.getInt();
    return magic == RECORD_MAGIC && length >= 0 && (long) pos + RECORD_HEADER_BYTES + length > data.length;
  }

  private static int nextValid(byte[] data, int from) {
    for (int i = from; i + RECORD_HEADER_BYTES <= data.length; i++) {
      if (data[i] == (byte) (RECORD_MAGIC >>> 24) && payloadAt(data, i) != null) {
        return i;
      }
    }
    return -1;
  }

  /**
   * The message ({@link Record}) or mark at {@code pos}, or null when there is no complete, valid
   * record there.
   */
  private static Payload payloadAt(byte[] data, int pos) {
    if (data.length - pos < RECORD_HEADER_BYTES) {
      return null;
    }
    ByteBuffer b = ByteBuffer.wrap(data, pos, RECORD_HEADER_BYTES);
    if (b.getInt() != RECORD_MAGIC) {
      return null;
    }
    int length = b.getInt();
    int expectedCrc = b.getInt();
    if (length < 0 || length > MAX_PAYLOAD_BYTES
        || (long) pos + RECORD_HEADER_BYTES + length > data.length) {
      return null;
    }
    CRC32 crc = new CRC32();
    crc.update(data, pos + RECORD_HEADER_BYTES, length);
    if ((int) crc.getValue() != expectedCrc) {
      return null;
    }
    try (DataInputStream in = new DataInputStream(
        new java.io.ByteArrayInputStream(data, pos + RECORD_HEADER_BYTES, length))) {
      byte version = in.readByte();
      if (version == MESSAGE_VERSION) {
        return new Record(readString(in), readString(in), readString(in), readString(in));
      }
      return version == MARK_VERSION ? readMark(in, length) : null;
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  private static MarkPayload readMark(DataInputStream in, int length) throws IOException {
    Mark mark = Mark.of(in.readByte());
    int count = in.readInt();
    if (mark == null || count < 0 || count > (length - 6) / 4) {
      return null;
    }
    int[] offsets = new int[count];
    for (int i = 0; i < count; i++) {
      offsets[i] = in.readInt();
    }
    return new MarkPayload(mark, offsets);
  }

  private static void writeString(DataOutputStream out, String s) throws IOException {
    byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
    out.writeInt(bytes.length);
    out.write(bytes);
  }

  private static String readString(DataInputStream in) throws IOException {
    int length = in.readInt();
    if (length < 0 || length > MAX_PAYLOAD_BYTES) {
      throw new IOException("bad string length " + length);
    }
    return new String(in.readNBytes(length), StandardCharsets.UTF_8);
  }
}
