package io.llmops.observability.sqs.internal;

import io.llmops.observability.internal.engine.InternalLog;
import io.llmops.observability.spi.SinkMetrics;
import io.llmops.observability.sqs.SqsSettings;
import io.llmops.observability.sqs.internal.JournalFormat.Parsed;
import io.llmops.observability.sqs.internal.JournalFormat.Record;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The spillover journal: messages SQS could not take, in numbered segment files under one
 * directory. New segments and rewritten segments are written to a temporary file, forced, and
 * published with an atomic rename, so a segment file is never half-created. Appends go to the
 * newest segment, which is never one found at start-up (a torn tail stays at the end of its
 * file). Beyond the size cap the oldest segments are deleted, counted and logged. One instance is
 * shared by every sink in the JVM that uses the same directory. Thread-safe. Internal.
 */
public final class SpilloverJournal {

  private static final Map<Path, SpilloverJournal> OPEN = new HashMap<>();
  /** Appends are written through a buffer of at most this size, not one as large as the batch. */
  private static final int WRITE_BUFFER_BYTES = 1 << 20;

  /** A segment file and what it holds. */
  static final class Segment {
    final long seq;
    final Path path;
    long bytes;
    int records;
    boolean claimed;

    Segment(long seq, Path path) {
      this.seq = seq;
      this.path = path;
    }
  }

  private final Path dir;
  private final long maxBytes;
  private final long segmentBytes;
  private final FsyncPolicy fsync;
  private final TreeMap<Long, Segment> segments = new TreeMap<>();
  private int references;
  private String openFailure;
  /** Held while open: null before the first use, after a failure to open, and once closed. */
  private JournalLock lock;
  private Segment active;
  /**
   * The open segment. Written with RandomAccessFile, not a FileChannel: a FileChannel is
   * interruptible, and a worker interrupted by shutdown in the middle of an append would close it
   * and lose the batch (half written). RandomAccessFile writes and FileDescriptor.sync() ignore
   * interrupts.
   */
  private RandomAccessFile activeFile;
  private long nextSeq = 1;
  private long totalBytes;

  SpilloverJournal(Path dir, long maxBytes, FsyncPolicy fsync) {
    this.dir = dir;
    this.maxBytes = maxBytes;
    this.segmentBytes = Math.max(16_384, Math.min(8L << 20, maxBytes / 4));
    this.fsync = fsync;
  }

  /** The journal for {@code dir}, shared within the JVM; {@link #release()} when done. */
  public static SpilloverJournal acquire(Path dir, long maxBytes, FsyncPolicy fsync) {
    synchronized (OPEN) {
      SpilloverJournal journal = OPEN.computeIfAbsent(dir.toAbsolutePath().normalize(),
          d -> new SpilloverJournal(d, maxBytes, fsync));
      synchronized (journal) {
        journal.references++;
      }
      return journal;
    }
  }

  /** Drops one reference; the last one closes the files and releases the directory lock. */
  public void release() {
    synchronized (OPEN) {
      synchronized (this) {
        if (--references > 0) {
          return;
        }
        OPEN.remove(dir);
        closeFiles();
      }
    }
  }

  /** The directory records are written to (a per-process subdirectory if another process holds the main one). */
  public synchronized Path directory() {
    return ensureOpen() ? lock.base() : dir;
  }

  /** Appends messages; on return they are on disk as far as the fsync policy promises. */
  public synchronized void append(List<Entry> entries, SinkMetrics metrics) throws IOException {
    // An interrupted thread would close the channel mid-write (ClosedByInterruptException):
    // write with the flag cleared, then restore it.
    boolean interrupted = Thread.interrupted();
    try {
      appendUninterrupted(entries, metrics);
    } finally {
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private void appendUninterrupted(List<Entry> entries, SinkMetrics metrics) throws IOException {
    if (!ensureOpen()) {
      throw new IOException("spillover directory " + dir + " is unusable: " + openFailure);
    }
    List<byte[]> encoded = new ArrayList<>(entries.size());
    long needed = 0;
    for (Entry entry : entries) {
      byte[] record = JournalFormat.encode(Record.of(entry));
      encoded.add(record);
      needed += record.length;
    }
    // A batch larger than the whole cap (a shutdown spilling a full pending queue into a small
    // journal): its oldest records are evicted at once, counted like any eviction.
    int skip = 0;
    while (needed > maxBytes - JournalFormat.FILE_HEADER.length && skip < encoded.size()) {
      needed -= encoded.get(skip++).length;
    }
    if (skip > 0) {
      encoded = encoded.subList(skip, encoded.size());
      metrics.add(SqsSettings.COUNTER_EVICTED, skip);
      InternalLog.warnOnce("spill-evicted-batch", "llmops: " + skip + " message(s) to spill did not fit in"
          + " the spillover journal's cap of " + maxBytes + " bytes (" + SqsSettings.SPILLOVER_MAX_BYTES
          + ") and were evicted, oldest first");
      if (encoded.isEmpty()) {
        return;
      }
    }
    makeRoom(needed, metrics);
    if (active == null) {
      startSegment();
    }
    long before = activeFile.length();
    try {
      ByteBuffer buffer = ByteBuffer.allocate((int) Math.min(WRITE_BUFFER_BYTES, needed));
      for (byte[] record : encoded) {
        if (buffer.remaining() < record.length) {
          writeFully(buffer);
        }
        if (record.length > buffer.capacity()) {
          writeFully(ByteBuffer.wrap(record).position(record.length)); // larger than the buffer: as is
        } else {
          buffer.put(record);
        }
      }
      writeFully(buffer);
      if (fsync == FsyncPolicy.ALWAYS) {
        activeFile.getFD().sync();
      }
    } catch (IOException | RuntimeException e) {
      try {
        activeFile.setLength(before);
      } catch (IOException | RuntimeException ignored) {
        // the parser skips whatever remains
      }
      sealActive();
      throw e instanceof IOException io ? io : new IOException(e);
    }
    active.bytes += needed;
    active.records += encoded.size();
    totalBytes += needed;
    if (active.bytes >= segmentBytes) {
      sealActive();
    }
  }

  private void writeFully(ByteBuffer buffer) throws IOException {
    buffer.flip();
    activeFile.write(buffer.array(), buffer.arrayOffset() + buffer.position(), buffer.remaining());
    buffer.clear();
  }

  /** Whether any record is waiting. */
  public synchronized boolean isEmpty() {
    return !ensureOpen() || segments.values().stream().allMatch(s -> s == active && s.records == 0);
  }

  /** Records waiting, as counted when written or found (corrupt ones included until read). */
  public synchronized long recordCount() {
    ensureOpen();
    return segments.values().stream().mapToLong(s -> s.records).sum();
  }

  public synchronized long sizeBytes() {
    ensureOpen();
    return totalBytes;
  }

  /**
   * Claims the oldest segment for replay (sealing the open one if it is the oldest), or null when
   * nothing waits or the oldest is already claimed. Pair with {@link #finish}.
   */
  synchronized Segment claimOldest() {
    if (!ensureOpen() || segments.isEmpty()) {
      return null;
    }
    Segment oldest = segments.firstEntry().getValue();
    if (oldest.claimed) {
      return null;
    }
    if (oldest == active) {
      if (active.records == 0) {
        return null;
      }
      sealActive();
    }
    oldest.claimed = true;
    return oldest;
  }

  /** Reads a claimed segment, counting corrupt records. */
  Parsed read(Segment segment, SinkMetrics metrics) {
    byte[] data;
    try {
      data = Files.readAllBytes(segment.path);
    } catch (IOException e) {
      InternalLog.errorOnce("spill-read", "llmops: cannot read spillover segment " + segment.path, e);
      return new Parsed(List.of(), 0, false);
    }
    Parsed parsed = JournalFormat.parse(data);
    if (parsed.corrupt() > 0) {
      metrics.add(SqsSettings.COUNTER_CORRUPT, parsed.corrupt());
      InternalLog.warnOnce("spill-corrupt", "llmops: skipped " + parsed.corrupt()
          + " corrupt record(s) in spillover segment " + segment.path);
    }
    if (parsed.tornTail()) {
      InternalLog.info("llmops: ignored a record cut short at the end of " + segment.path
          + " (the process stopped while writing it)");
    }
    return parsed;
  }

  /**
   * Ends the replay of a claimed segment: deletes it when nothing remains, otherwise replaces it
   * atomically with a segment holding only {@code remaining}.
   */
  synchronized void finish(Segment segment, List<Record> remaining) throws IOException {
    boolean interrupted = Thread.interrupted();
    try {
      finishUninterrupted(segment, remaining);
    } finally {
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private void finishUninterrupted(Segment segment, List<Record> remaining) throws IOException {
    segment.claimed = false;
    if (!segments.containsKey(segment.seq)) {
      return;
    }
    if (remaining.isEmpty()) {
      Files.deleteIfExists(segment.path);
      segments.remove(segment.seq);
      totalBytes -= segment.bytes;
      return;
    }
    long bytes = SegmentFiles.publish(segment.path, remaining, fsync != FsyncPolicy.NEVER);
    totalBytes += bytes - segment.bytes;
    segment.bytes = bytes;
    segment.records = remaining.size();
  }

  private void makeRoom(long needed, SinkMetrics metrics) throws IOException {
    long evictedRecords = 0;
    int evictedSegments = 0;
    while (totalBytes + needed > maxBytes) {
      Segment victim = null;
      for (Segment s : segments.values()) {
        if (!s.claimed && s != active) {
          victim = s;
          break;
        }
      }
      if (victim == null && active != null && active.records > 0) {
        sealActive();
        continue;
      }
      if (victim == null) {
        break; // only claimed segments left: the cap is exceeded briefly rather than lose new data
      }
      Files.deleteIfExists(victim.path);
      segments.remove(victim.seq);
      totalBytes -= victim.bytes;
      evictedRecords += victim.records;
      evictedSegments++;
    }
    if (evictedSegments > 0) {
      metrics.add(SqsSettings.COUNTER_EVICTED, evictedRecords);
      InternalLog.warnOnce("spill-evicted", "llmops: the spillover journal reached its cap of "
          + maxBytes + " bytes (" + SqsSettings.SPILLOVER_MAX_BYTES + "); evicted the oldest "
          + evictedRecords + " record(s) in " + evictedSegments + " segment(s)");
    }
  }

  private void startSegment() throws IOException {
    long seq = nextSeq++;
    Path path = SegmentFiles.path(lock.base(), seq);
    SegmentFiles.publish(path, List.of(), true);
    activeFile = new RandomAccessFile(path.toFile(), "rw");
    activeFile.seek(activeFile.length());
    active = new Segment(seq, path);
    active.bytes = JournalFormat.FILE_HEADER.length;
    segments.put(seq, active);
    totalBytes += active.bytes;
  }

  private void sealActive() {
    if (active == null) {
      return;
    }
    try {
      if (fsync == FsyncPolicy.ROTATE) {
        activeFile.getFD().sync();
      }
      activeFile.close();
    } catch (IOException e) {
      InternalLog.warnOnce("spill-seal", "llmops: closing spillover segment " + active.path + ": " + e);
    }
    active = null;
    activeFile = null;
  }

  /** Opens the directory on first use and again after a failure (it may have become writable). */
  private boolean ensureOpen() {
    if (lock != null) {
      return true;
    }
    try {
      JournalLock acquired = JournalLock.acquire(dir);
      try {
        segments.putAll(SegmentFiles.scan(acquired.base()));
      } catch (IOException | RuntimeException e) {
        segments.clear();
        acquired.release();
        throw e;
      }
      lock = acquired;
      openFailure = null;
      totalBytes = segments.values().stream().mapToLong(s -> s.bytes).sum();
      if (!segments.isEmpty()) {
        nextSeq = Math.max(nextSeq, segments.lastKey() + 1);
        long found = segments.values().stream().mapToLong(s -> s.records).sum();
        InternalLog.info("llmops: found " + found + " spilled message(s) in " + lock.base()
            + "; they will be replayed to SQS");
      }
      return true;
    } catch (IOException | RuntimeException e) {
      openFailure = e.toString();
      InternalLog.errorOnce("spill-open", "llmops: cannot use the spillover directory " + dir
          + " (" + SqsSettings.SPILLOVER_DIR + "); messages SQS cannot take will be lost and "
          + "counted as " + SqsSettings.DROPPED_SPILL_FAILED, e);
      return false;
    }
  }

  private void closeFiles() {
    sealActive();
    if (lock != null) {
      lock.release();
      lock = null;
    }
    segments.clear();
    totalBytes = 0;
  }
}
