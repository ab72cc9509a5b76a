package io.llmops.observability.sqs.internal;

import io.llmops.observability.sqs.internal.JournalFormat.Record;
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
 * deleted at start-up. Internal.
 */
final class SegmentFiles {

  private static final Pattern SEGMENT = Pattern.compile("segment-(\\d{16})\\.spill");

  private SegmentFiles() {}

  static Path path(Path base, long seq) {
    return base.resolve(String.format("segment-%016d.spill", seq));
  }

  /** Publishes {@code path} holding the file header and {@code records}; returns its size. */
  static long publish(Path path, List<Record> records, boolean force) throws IOException {
    Path tmp = path.resolveSibling(path.getFileName() + ".tmp");
    long bytes;
    try (FileOutputStream out = new FileOutputStream(tmp.toFile())) {
      out.write(JournalFormat.FILE_HEADER);
      bytes = JournalFormat.FILE_HEADER.length;
      for (Record record : records) {
        byte[] encoded = JournalFormat.encode(record);
        out.write(encoded);
        bytes += encoded.length;
      }
      if (force) {
        out.getFD().sync();
      }
    }
    Files.move(tmp, path, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    return bytes;
  }

  /** The segments in {@code base} by sequence number, with their sizes and record counts. */
  static TreeMap<Long, SpilloverJournal.Segment> scan(Path base) throws IOException {
    TreeMap<Long, SpilloverJournal.Segment> found = new TreeMap<>();
    try (DirectoryStream<Path> files = Files.newDirectoryStream(base)) {
      for (Path file : files) {
        String name = file.getFileName().toString();
        if (name.endsWith(".spill.tmp")) {
          Files.deleteIfExists(file); // never published: the rename did not happen
          continue;
        }
        Matcher m = SEGMENT.matcher(name);
        if (m.matches()) {
          SpilloverJournal.Segment segment = new SpilloverJournal.Segment(Long.parseLong(m.group(1)), file);
          segment.bytes = Files.size(file);
          segment.records = JournalFormat.parse(Files.readAllBytes(file)).records().size();
          found.put(segment.seq, segment);
        }
      }
    }
    return found;
  }
}
