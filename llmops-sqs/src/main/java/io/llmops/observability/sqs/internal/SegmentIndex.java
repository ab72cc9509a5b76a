package io.llmops.observability.sqs.internal;

import io.llmops.observability.spi.SdkLog;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.TreeMap;

/**
 * The segments of the spillover journal in replay order (oldest first), the bytes they take and
 * the next sequence number. Guarded by the journal's lock. Internal.
 */
final class SegmentIndex {

  private final TreeMap<Long, Segment> bySeq = new TreeMap<>();
  private long totalBytes;
  private long nextSeq = 1;

  /** Oldest first. */
  Collection<Segment> all() {
    return bySeq.values();
  }

  boolean isEmpty() {
    return bySeq.isEmpty();
  }

  int size() {
    return bySeq.size();
  }

  long totalBytes() {
    return totalBytes;
  }

  /** Messages waiting in all segments. */
  long waiting() {
    return bySeq.values().stream().mapToLong(s -> s.records).sum();
  }

  boolean contains(Segment segment) {
    return bySeq.get(segment.seq) == segment;
  }

  /** A new, empty segment file in {@code base}, numbered after every segment known. */
  Segment create(Path base) throws IOException {
    Segment segment = new Segment(nextSeq++, null);
    segment.path = SegmentFiles.path(base, segment.seq);
    SegmentFiles.publish(segment.path, List.of(), true);
    segment.bytes = JournalFormat.FILE_HEADER.length;
    add(segment);
    return segment;
  }

  /** Adds segments found on disk under their own numbers. */
  void addAll(Collection<Segment> found) {
    found.forEach(this::add);
  }

  private void add(Segment segment) {
    bySeq.put(segment.seq, segment);
    totalBytes += segment.bytes;
    nextSeq = Math.max(nextSeq, segment.seq + 1);
  }

  /**
   * Moves a segment's file into {@code dir}, numbered after every segment known, in one atomic
   * rename, and adds it. When the rename fails, the file stays where it was and is not added.
   */
  void moveIn(Segment segment, Path dir) throws IOException {
    long seq = nextSeq;
    Path target = SegmentFiles.path(dir, seq);
    SegmentFiles.move(segment.path, target);
    segment.seq = seq;
    segment.path = target;
    add(segment);
  }

  /** Adds a segment whose file stays where it is, numbered after every segment known. */
  void addInPlace(Segment segment) {
    segment.seq = nextSeq;
    add(segment);
  }

  /** The segment's file grew by {@code bytes} (appended records or marks). */
  void grew(Segment segment, long bytes) {
    segment.bytes += bytes;
    totalBytes += bytes;
  }

  /** The segment's file now takes {@code bytes} (rewritten or truncated). */
  void resized(Segment segment, long bytes) {
    totalBytes += bytes - segment.bytes;
    segment.bytes = bytes;
  }

  /** Deletes the segment's file and forgets it. */
  void delete(Segment segment) {
    try {
      Files.deleteIfExists(segment.path);
    } catch (IOException e) {
      SdkLog.warnOnce("spill-delete", "llmops: cannot delete spillover segment " + segment.path + ": " + e);
    }
    if (bySeq.remove(segment.seq, segment)) {
      totalBytes -= segment.bytes;
    }
  }

  /** Forgets every segment and returns them, oldest first; the next numbers start again at 1. */
  List<Segment> removeAll() {
    List<Segment> all = new ArrayList<>(bySeq.values());
    bySeq.clear();
    totalBytes = 0;
    nextSeq = 1;
    return all;
  }
}
