package io.llmops.observability.sqs.internal;

import io.llmops.observability.sqs.internal.JournalFormat.Mark;
import io.llmops.observability.sqs.internal.JournalFormat.Stored;
import java.io.FileOutputStream;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Segment files on disk: {@code segment-<16-digit seq>.spill}. A segment is always published
 * whole: written to {@code <name>.tmp}, forced, then renamed over its name atomically, so a crash
 * leaves either the old file or the new one; a leftover {@code .tmp} was never published and is
 * deleted when the directory is scanned. Segments move between directories by an atomic rename,
 * so a crash leaves each of them in one place or the other, never in both or neither. Internal.
 */
final class SegmentFiles {

  private static final Pattern SEGMENT = Pattern.compile("segment-(\\d{16})\\.spill");

  private SegmentFiles() {}

  static Path path(Path base, long seq) {
    return base.resolve(String.format("segment-%016d.spill", seq));
  }

  /**
   * Publishes {@code path} holding the file header and {@code messages}, followed by a
   * {@link Mark#SENDING} mark for those an earlier attempt may have delivered; returns its size.
   */
  static long publish(Path path, List<Stored> messages, boolean force) throws IOException {
    Path tmp = path.resolveSibling(path.getFileName() + ".tmp");
    long bytes;
    try (FileOutputStream out = new FileOutputStream(tmp.toFile())) {
      out.write(JournalFormat.FILE_HEADER);
      bytes = JournalFormat.FILE_HEADER.length;
      int[] maybeDelivered = new int[messages.size()];
      int marked = 0;
      for (Stored message : messages) {
        byte[] encoded = JournalFormat.encode(message.record());
        if (message.maybeDelivered()) {
          maybeDelivered[marked++] = (int) bytes;
        }
        out.write(encoded);
        bytes += encoded.length;
      }
      if (marked > 0) {
        byte[] mark = JournalFormat.encodeMark(Mark.SENDING, java.util.Arrays.copyOf(maybeDelivered, marked));
        out.write(mark);
        bytes += mark.length;
      }
      if (force) {
        out.getFD().sync();
      }
    }
    Files.move(tmp, path, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    return bytes;
  }

  /** Moves a segment file to {@code target} in one atomic rename; never replaces a file. */
  static void move(Path segment, Path target) throws IOException {
    if (Files.exists(target)) {
      throw new java.nio.file.FileAlreadyExistsException(target.toString());
    }
    Files.move(segment, target, StandardCopyOption.ATOMIC_MOVE);
  }

  /** The segments in {@code base} by sequence number, with their sizes and waiting messages. */
  static TreeMap<Long, Segment> scan(Path base) throws IOException {
    TreeMap<Long, Segment> found = new TreeMap<>();
    try (DirectoryStream<Path> files = Files.newDirectoryStream(base)) {
      for (Path file : files) {
        String name = file.getFileName().toString();
        if (name.endsWith(".spill.tmp")) {
          Files.deleteIfExists(file); // never published: the rename did not happen
          continue;
        }
        Matcher m = SEGMENT.matcher(name);
        if (m.matches()) {
          Segment segment = new Segment(Long.parseLong(m.group(1)), file);
          segment.bytes = Files.size(file);
          segment.records = JournalFormat.parse(Files.readAllBytes(file)).stored().size();
          found.put(segment.seq, segment);
        }
      }
    }
    return found;
  }
}
