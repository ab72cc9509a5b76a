package io.llmops.observability.agent.internal;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.zip.CRC32;

/**
 * The bytes of a small jar whose entries are stored, not compressed, written without {@code
 * java.util.zip}'s output streams: their first use loads the deflater and the date-time classes
 * (for the entries' times) on the agent's start-up path, for a jar of a few hundred bytes. Every
 * entry carries the same time (1980-01-01, the format's first). Internal.
 */
final class StoredJar {

  private static final int LOCAL_HEADER = 0x04034b50;
  private static final int CENTRAL_HEADER = 0x02014b50;
  private static final int END_OF_CENTRAL_DIRECTORY = 0x06054b50;
  private static final int VERSION = 10; // 1.0: stored entries, no extensions
  private static final int DOS_DATE_1980_01_01 = (1 << 5) | 1;
  /** Manifest lines are at most 72 bytes; a longer value goes on in lines that begin with a space. */
  private static final int MANIFEST_LINE = 72;

  private StoredJar() {}

  /**
   * A manifest ({@code Manifest-Version: 1.0} first) with {@code attributes} in their order:
   * ASCII names and values only.
   */
  static byte[] manifest(Map<String, String> attributes) {
    StringBuilder text = new StringBuilder();
    line(text, "Manifest-Version: 1.0");
    for (Map.Entry<String, String> attribute : attributes.entrySet()) {
      line(text, attribute.getKey() + ": " + attribute.getValue());
    }
    return text.append("\r\n").toString().getBytes(StandardCharsets.US_ASCII);
  }

  private static void line(StringBuilder text, String line) {
    int at = Math.min(line.length(), MANIFEST_LINE);
    text.append(line, 0, at).append("\r\n");
    while (at < line.length()) {
      int end = Math.min(line.length(), at + MANIFEST_LINE - 1);
      text.append(' ').append(line, at, end).append("\r\n");
      at = end;
    }
  }

  /** A jar of {@code entries} (name to content), in their order; names are ASCII. */
  static byte[] of(Map<String, byte[]> entries) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream central = new ByteArrayOutputStream();
    for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
      byte[] name = entry.getKey().getBytes(StandardCharsets.US_ASCII);
      byte[] content = entry.getValue();
      CRC32 crc = new CRC32();
      crc.update(content);
      int offset = out.size();
      int32(out, LOCAL_HEADER);
      int16(out, VERSION);
      common(out, name, content, (int) crc.getValue());
      out.writeBytes(name);
      out.writeBytes(content);

      int32(central, CENTRAL_HEADER);
      int16(central, VERSION); // made by
      int16(central, VERSION); // needed
      common(central, name, content, (int) crc.getValue());
      int16(central, 0); // comment length
      int16(central, 0); // disk
      int16(central, 0); // internal attributes
      int32(central, 0); // external attributes
      int32(central, offset);
      central.writeBytes(name);
    }
    int directoryOffset = out.size();
    out.writeBytes(central.toByteArray());
    int32(out, END_OF_CENTRAL_DIRECTORY);
    int16(out, 0); // this disk
    int16(out, 0); // the directory's disk
    int16(out, entries.size());
    int16(out, entries.size());
    int32(out, central.size());
    int32(out, directoryOffset);
    int16(out, 0); // comment length
    return out.toByteArray();
  }

  /** What a local header and a central directory header share, from the flags on. */
  private static void common(ByteArrayOutputStream out, byte[] name, byte[] content, int crc) {
    int16(out, 0); // flags
    int16(out, 0); // method: stored
    int16(out, 0); // time
    int16(out, DOS_DATE_1980_01_01);
    int32(out, crc);
    int32(out, content.length); // compressed size
    int32(out, content.length);
    int16(out, name.length);
    int16(out, 0); // extra field length
  }

  private static void int16(ByteArrayOutputStream out, int value) {
    out.write(value);
    out.write(value >>> 8);
  }

  private static void int32(ByteArrayOutputStream out, int value) {
    int16(out, value);
    int16(out, value >>> 16);
  }
}
