package io.llmops.observability.sqs.internal;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32;

/**
 * The on-disk format of a spillover segment: an 8-byte file header, then records of
 * {@code [magic:int][length:int][crc32(payload):int][payload]}, big-endian. A record whose
 * checksum fails is skipped by searching for the next valid record; a record cut short at the
 * end of the file (a crash mid-write) is ignored. Internal.
 */
final class JournalFormat {

  static final byte[] FILE_HEADER = {'L', 'L', 'M', 'S', 'P', 'L', '0', '1'};
  /** Not valid UTF-8 and not ASCII, so it cannot appear inside the text fields by accident. */
  static final int RECORD_MAGIC = 0xF15EB07A;
  static final int RECORD_HEADER_BYTES = 12;
  static final int MAX_PAYLOAD_BYTES = 4 << 20;
  private static final byte PAYLOAD_VERSION = 1;

  private JournalFormat() {}

  /** A spilled message. */
  record Record(String traceId, String type, String idempotencyKey, String body) {
    Entry toEntry() {
      return new Entry(traceId, type, idempotencyKey, body);
    }

    static Record of(Entry entry) {
      return new Record(entry.traceId, entry.type, entry.idempotencyKey, entry.body);
    }
  }

  /** What a segment held: its valid records, how many were corrupt, whether the tail was torn. */
  record Parsed(List<Record> records, int corrupt, boolean tornTail) {}

  static byte[] encode(Record record) {
    ByteArrayOutputStream payloadBytes = new ByteArrayOutputStream(record.body().length() + 128);
    try (DataOutputStream out = new DataOutputStream(payloadBytes)) {
      out.writeByte(PAYLOAD_VERSION);
      writeString(out, record.traceId());
      writeString(out, record.type());
      writeString(out, record.idempotencyKey());
      writeString(out, record.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    byte[] payload = payloadBytes.toByteArray();
    CRC32 crc = new CRC32();
    crc.update(payload);
    ByteBuffer buffer = ByteBuffer.allocate(RECORD_HEADER_BYTES + payload.length);
    buffer.putInt(RECORD_MAGIC).putInt(payload.length).putInt((int) crc.getValue()).put(payload);
    return buffer.array();
  }

  static Parsed parse(byte[] data) {
    List<Record> records = new ArrayList<>();
    if (data.length < FILE_HEADER.length || !hasHeader(data)) {
      return new Parsed(records, data.length == 0 ? 0 : 1, false);
    }
    int corrupt = 0;
    boolean torn = false;
    int pos = FILE_HEADER.length;
    while (pos < data.length) {
      Record record = recordAt(data, pos);
      if (record != null) {
        records.add(record);
        pos += RECORD_HEADER_BYTES + ByteBuffer.wrap(data, pos + 4, 4).getInt();
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
    return new Parsed(records, corrupt, torn);
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
      if (data[i] == (byte) (RECORD_MAGIC >>> 24) && recordAt(data, i) != null) {
        return i;
      }
    }
    return -1;
  }

  /** The record at {@code pos}, or null when there is no complete, valid record there. */
  private static Record recordAt(byte[] data, int pos) {
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
      if (in.readByte() != PAYLOAD_VERSION) {
        return null;
      }
      return new Record(readString(in), readString(in), readString(in), readString(in));
    } catch (IOException | RuntimeException e) {
      return null;
    }
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
