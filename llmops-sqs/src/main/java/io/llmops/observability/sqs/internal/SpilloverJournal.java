package io.llmops.observability.sqs.internal;

import io.llmops.observability.export.SinkMetrics;
import io.llmops.observability.spi.SdkLog;
import io.llmops.observability.sqs.SqsSettings;
import io.llmops.observability.sqs.internal.JournalFormat.Mark;
import io.llmops.observability.sqs.internal.JournalFormat.Parsed;
import io.llmops.observability.sqs.internal.JournalFormat.Record;
import io.llmops.observability.sqs.internal.JournalFormat.Stored;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The spillover journal: messages on their way to SQS, in numbered segment files under one
 * directory. New segments and rewritten segments are written to a temporary file, forced, and
 * published with an atomic rename, so a segment file is never half-created. Appends go to the
 * newest segment this process created, never to one found at start-up (a torn tail stays at the
 * end of its file). What became of a message after it was written (an attempt started, SQS took
 * it, the attempt failed) is appended as a small mark ({@link JournalFormat.Mark}), never forced:
 * losing one to a machine crash costs a duplicate at most. Beyond the size cap the oldest
 * segments are deleted, counted and logged. One instance is shared by every sink in the JVM that
 * uses the same directory. Thread-safe. Internal.
 */
public final class SpilloverJournal {

  private static final Map<Path, SpilloverJournal> OPEN = new HashMap<>();
  /** Appends are written through a buffer of at most this size, not one as large as the batch. */
  private static final int WRITE_BUFFER_BYTES = 1 << 20;

  private final Path dir;
  private final long maxBytes;
  private final long segmentBytes;
  private final FsyncPolicy fsync;
  private final SegmentIndex segments = new SegmentIndex();
  private int references;
  private boolean closed;
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
  /** Messages found at start or adopted from processes that are gone, not yet counted. */
  private long inheritedUncounted;

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
        OPEN.remove(dir, this);
        closeFiles();
      }
    }
  }

  /** The directory records are written to (a per-process subdirectory if another process holds the main one). */
  public synchronized Path directory() {
    return usable() ? lock.base() : dir;
  }

  /** Messages in the journal still to be sent to SQS; 0 while it was never opened. */
  public synchronized long waiting() {
    return lock == null ? 0 : segments.waiting();
  }

  /**
   * Appends messages to replay later (spilling); on return they are on disk as far as the fsync
   * policy promises. Those an attempt may have delivered already are marked so. A batch larger
   * than the whole cap keeps its newest messages; the others are evicted and counted.
   */
  public synchronized void append(List<Entry> entries, SinkMetrics metrics) throws IOException {
    write(entries, false, metrics);
  }

  /**
   * Writes messages ahead of their sending (write-ahead delivery): they stay in the journal until
   * {@link #delivered} and are not replayed while a worker holds them (until {@link #leave}).
   * Returns those that could not be written ahead (more than the whole cap in one call): they go
   * on without the journal's protection.
   */
  public synchronized List<Entry> writeAhead(List<Entry> entries, SinkMetrics metrics) throws IOException {
    return write(entries, true, metrics);
  }

  private List<Entry> write(List<Entry> entries, boolean ahead, SinkMetrics metrics) throws IOException {
    // An interrupted thread would close the channel mid-write (ClosedByInterruptException):
    // write with the flag cleared, then restore it.
    boolean interrupted = Thread.interrupted();
    try {
      return writeUninterrupted(entries, ahead, metrics);
    } finally {
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private List<Entry> writeUninterrupted(List<Entry> entries, boolean ahead, SinkMetrics metrics)
      throws IOException {
    if (!usableForWriting()) {
      throw new IOException("spillover directory " + dir + " is unusable: "
          + (closed ? "the journal is closed" : openFailure));
    }
    List<byte[]> encoded = new ArrayList<>(entries.size());
    long needed = 0;
    for (Entry entry : entries) {
      byte[] record = JournalFormat.encode(Record.of(entry));
      encoded.add(record);
      needed += record.length;
    }
    // A batch larger than the whole cap (a shutdown spilling a full pending queue into a small
    // journal): its oldest records are evicted at once, counted like any eviction; written ahead,
    // they are simply sent without the journal.
    int skip = 0;
    while (needed > maxBytes - JournalFormat.FILE_HEADER.length && skip < encoded.size()) {
      needed -= encoded.get(skip++).length;
    }
    List<Entry> unwritten = new ArrayList<>(entries.subList(0, skip));
    List<Entry> written = entries.subList(skip, entries.size());
    encoded = encoded.subList(skip, encoded.size());
    if (skip > 0 && !ahead) {
      metrics.add(SqsSettings.COUNTER_EVICTED, skip);
      SdkLog.warnOnce("spill-evicted-batch", "llmops: " + skip + " message(s) to spill did not fit in"
          + " the spillover journal's cap of " + maxBytes + " bytes (" + SqsSettings.SPILLOVER_MAX_BYTES
          + ") and were evicted, oldest first");
    }
    if (written.isEmpty()) {
      return unwritten;
    }
    makeRoom(needed, metrics);
    if (active == null) {
      startSegment();
    }
    long before = activeFile.length();
    int[] offsets = new int[written.size()];
    long offset = before;
    for (int i = 0; i < offsets.length; i++) {
      offsets[i] = (int) offset;
      offset += encoded.get(i).length;
    }
    byte[] mark = ahead ? null : maybeDeliveredMark(written, offsets);
    long bytes = needed + (mark == null ? 0 : mark.length);
    try {
      ByteBuffer buffer = ByteBuffer.allocate((int) Math.min(WRITE_BUFFER_BYTES, bytes));
      for (byte[] record : encoded) {
        put(buffer, record);
      }
      if (mark != null) {
        put(buffer, mark);
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
    segments.grew(active, bytes);
    active.records += written.size();
    if (ahead) {
      for (int i = 0; i < offsets.length; i++) {
        written.get(i).segment = active;
        written.get(i).offset = offsets[i];
      }
      active.inMemory += written.size();
    }
    if (active.bytes >= segmentBytes) {
      sealActive();
    }
    return unwritten;
  }

  /** A {@link Mark#SENDING} mark for the entries SQS may have already, or null when there is none. */
  private static byte[] maybeDeliveredMark(List<Entry> entries, int[] offsets) {
    int[] marked = new int[offsets.length];
    int count = 0;
    for (int i = 0; i < offsets.length; i++) {
      if (entries.get(i).maybeDelivered) {
        marked[count++] = offsets[i];
      }
    }
    return count == 0 ? null : JournalFormat.encodeMark(Mark.SENDING, java.util.Arrays.copyOf(marked, count));
  }

  private void put(ByteBuffer buffer, byte[] bytes) throws IOException {
    if (buffer.remaining() < bytes.length) {
      writeFully(buffer);
    }
    if (bytes.length > buffer.capacity()) {
      writeFully(ByteBuffer.wrap(bytes).position(bytes.length)); // larger than the buffer: as is
    } else {
      buffer.put(bytes);
    }
  }

  private void writeFully(ByteBuffer buffer) throws IOException {
    buffer.flip();
    activeFile.write(buffer.array(), buffer.arrayOffset() + buffer.position(), buffer.remaining());
    buffer.clear();
  }

  // ---- what became of messages written ahead ----

  /** Marks written-ahead entries as being sent: after a crash, SQS may have them. */
  public synchronized void sending(List<Entry> entries) {
    markWrittenAhead(entries, Mark.SENDING);
  }

  /** Marks written-ahead entries as failed for certain: SQS does not have them. */
  synchronized void notSent(List<Entry> entries) {
    markWrittenAhead(entries, Mark.NOT_SENT);
  }

  /** Written-ahead entries SQS took: no longer waiting; a segment left with none is deleted. */
  public synchronized void delivered(List<Entry> entries) {
    for (Map.Entry<Segment, int[]> group : markWrittenAhead(entries, Mark.DONE).entrySet()) {
      Segment segment = group.getKey();
      segment.records -= group.getValue().length;
      segment.inMemory -= group.getValue().length;
      retireIfDone(segment);
    }
  }

  /** Written-ahead entries no worker holds any longer: they wait in the journal for the replay. */
  synchronized void leave(List<Entry> entries) {
    for (Map.Entry<Segment, int[]> group : byLiveSegment(entries).entrySet()) {
      group.getKey().inMemory -= group.getValue().length;
    }
  }

  private Map<Segment, int[]> markWrittenAhead(List<Entry> entries, Mark mark) {
    Map<Segment, int[]> groups = byLiveSegment(entries);
    groups.forEach((segment, offsets) -> writeMark(segment, mark, offsets));
    return groups;
  }

  /** The written-ahead entries grouped by segment, for a journal still open. */
  private Map<Segment, int[]> byLiveSegment(List<Entry> entries) {
    Map<Segment, List<Entry>> lists = new LinkedHashMap<>();
    if (!closed && lock != null) {
      for (Entry entry : entries) {
        if (entry.segment != null) {
          lists.computeIfAbsent(entry.segment, s -> new ArrayList<>()).add(entry);
        }
      }
    }
    Map<Segment, int[]> groups = new LinkedHashMap<>();
    lists.forEach((segment, list) -> groups.put(segment, list.stream().mapToInt(e -> e.offset).toArray()));
    return groups;
  }

  /** Appends a mark to a segment this process writes or has claimed; never forced. */
  private void writeMark(Segment segment, Mark mark, int[] offsets) {
    byte[] bytes = JournalFormat.encodeMark(mark, offsets);
    try {
      if (segment == active) {
        activeFile.write(bytes);
      } else {
        try (RandomAccessFile file = new RandomAccessFile(segment.path.toFile(), "rw")) {
          file.seek(file.length());
          file.write(bytes);
        }
      }
      segments.grew(segment, bytes.length);
    } catch (IOException | RuntimeException e) {
      // A lost mark costs a duplicate (done) or a miscount (sending), never a message.
      SdkLog.warnOnce("spill-mark", "llmops: cannot record delivery progress in spillover segment "
          + segment.path + ": " + e);
    }
  }

  // ---- replay ----

  /** Whether no message is waiting. */
  public synchronized boolean isEmpty() {
    return !usable() || segments.waiting() == 0;
  }

  /** Whether a segment waits that the replay thread could take now. */
  synchronized boolean hasReplayable() {
    return usable() && segments.all().stream().anyMatch(this::claimable);
  }

  /** Messages waiting, as counted when written or found (corrupt ones included until read). */
  public synchronized long recordCount() {
    usable();
    return segments.waiting();
  }

  public synchronized long sizeBytes() {
    usable();
    return segments.totalBytes();
  }

  /**
   * Claims the oldest segment the replay can take (sealing the open one if need be), or null when
   * none. Pair with {@link #finish}.
   */
  synchronized Segment claimOldest() {
    if (!usable()) {
      return null;
    }
    for (Segment segment : segments.all()) {
      if (claimable(segment)) {
        if (segment == active) {
          sealActive();
        }
        segment.claimed = true;
        return segment;
      }
    }
    return null;
  }

  /**
   * Whether the replay can take it: no worker holds any of its messages, and a message waits or
   * it is sealed (a segment found with none, all corrupt for instance, is read once to count them
   * and deleted).
   */
  private boolean claimable(Segment segment) {
    return !segment.claimed && segment.inMemory == 0 && (segment.records > 0 || segment != active);
  }

  /**
   * Reads a claimed segment, counting corrupt records; cuts off a torn or corrupt tail, so that
   * marks appended during the replay follow the last valid record. Null when it cannot be read.
   */
  Parsed read(Segment segment, SinkMetrics metrics) {
    byte[] data;
    try {
      data = Files.readAllBytes(segment.path);
    } catch (IOException e) {
      SdkLog.errorOnce("spill-read", "llmops: cannot read spillover segment " + segment.path
          + "; it is kept and tried again later", e);
      return null;
    }
    Parsed parsed = JournalFormat.parse(data);
    if (parsed.corrupt() > 0) {
      metrics.add(SqsSettings.COUNTER_CORRUPT, parsed.corrupt());
      SdkLog.warnOnce("spill-corrupt", "llmops: skipped " + parsed.corrupt()
          + " corrupt record(s) in spillover segment " + segment.path);
    }
    if (parsed.tornTail()) {
      SdkLog.info("llmops: ignored a record cut short at the end of " + segment.path
          + " (the process stopped while writing it)");
    }
    synchronized (this) {
      if (parsed.validEnd() >= JournalFormat.FILE_HEADER.length && parsed.validEnd() < data.length) {
        try (RandomAccessFile file = new RandomAccessFile(segment.path.toFile(), "rw")) {
          file.setLength(parsed.validEnd());
          segments.resized(segment, parsed.validEnd());
        } catch (IOException e) {
          SdkLog.warnOnce("spill-truncate", "llmops: cannot cut the damaged tail off " + segment.path + ": " + e);
        }
      }
      segment.records = parsed.stored().size();
      segment.recordsAtRead = segment.records;
    }
    return parsed;
  }

  /** Appends a mark about messages of a segment the caller claimed. */
  synchronized void mark(Segment segment, Mark mark, int[] offsets) {
    if (offsets.length > 0 && segment.claimed && !closed) {
      writeMark(segment, mark, offsets);
    }
  }

  /**
   * Ends the replay of a claimed segment: deletes it when nothing remains, replaces it atomically
   * with a segment holding only {@code remaining} when some of it was delivered, and otherwise
   * leaves it as it is (with the marks the replay appended).
   */
  synchronized void finish(Segment segment, List<Stored> remaining) throws IOException {
    boolean interrupted = Thread.interrupted();
    try {
      finishUninterrupted(segment, remaining);
    } finally {
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /** Ends a claim without changing the segment (it could not be read). */
  synchronized void unclaim(Segment segment) {
    segment.claimed = false;
  }

  private void finishUninterrupted(Segment segment, List<Stored> remaining) throws IOException {
    segment.claimed = false;
    if (closed || !segments.contains(segment)) {
      return;
    }
    if (remaining.isEmpty()) {
      segments.delete(segment);
      return;
    }
    if (remaining.size() < segment.recordsAtRead) {
      segments.resized(segment, SegmentFiles.publish(segment.path, remaining, fsync != FsyncPolicy.NEVER));
    }
    segment.records = remaining.size();
  }

  // ---- processes that are gone ----

  /**
   * Takes over what processes that are gone left in the directory (called at start and at every
   * replay round). The owner adopts the segments of each {@code process-<pid>} subdirectory whose
   * lock it can take; a process that spills to its own subdirectory takes the directory over when
   * the owner's lock is free, moving its segments into it. Segments move by atomic renames, one
   * by one: a crash half-way leaves each in one place or the other, and the next owner adopts the
   * rest. Counts what it takes over ({@code sqs.inherited}), with what was found at start. The
   * files are read without holding the journal's lock (appends go on meanwhile); only the renames
   * hold it.
   */
  void adoptOrphans(SinkMetrics metrics) {
    try {
      boolean owner;
      synchronized (this) {
        if (!usable()) {
          return;
        }
        owner = lock.ownsDirectory();
      }
      if (owner || takeOverIfOwnerGone()) {
        for (Path subdirectory : otherSubdirectories()) {
          adopt(subdirectory);
        }
      }
    } catch (IOException | RuntimeException e) {
      SdkLog.errorOnce("spill-adopt", "llmops: cannot take over what other processes left in the "
          + "spillover directory " + dir + "; will try again", e);
    }
    synchronized (this) {
      if (inheritedUncounted > 0) {
        metrics.add(SqsSettings.COUNTER_INHERITED, inheritedUncounted);
        inheritedUncounted = 0;
      }
      try {
        makeRoom(0, metrics);
      } catch (IOException e) {
        SdkLog.warnOnce("spill-evict", "llmops: cannot evict spillover segments: " + e);
      }
    }
  }

  private synchronized List<Path> otherSubdirectories() throws IOException {
    return closed || lock == null ? List.of() : lock.otherSubdirectories();
  }

  /** Takes the directory over if its owner is gone; true when this process owns it now. */
  private boolean takeOverIfOwnerGone() throws IOException {
    LockFile directoryLock;
    synchronized (this) {
      if (closed || lock == null) {
        return false;
      }
      directoryLock = lock.tryDirectoryLock();
    }
    if (directoryLock == null) {
      return false; // the owner lives
    }
    TreeMap<Long, Segment> left;
    try {
      left = SegmentFiles.scan(dir); // the owner's leftovers: nobody else writes there now
    } catch (IOException | RuntimeException e) {
      directoryLock.release();
      throw e;
    }
    synchronized (this) {
      if (closed || segments.all().stream().anyMatch(s -> s.claimed)) {
        directoryLock.release(); // a replay holds a path that would change: next round
        return false;
      }
      List<Segment> mine = segments.removeAll();
      segments.addAll(left.values());
      left.values().forEach(s -> inheritedUncounted += s.records);
      boolean allMoved = true;
      for (Segment segment : mine) {
        try {
          segments.moveIn(segment, dir);
        } catch (IOException e) {
          allMoved = false; // stays where it is, still read and written by its path
          segments.addInPlace(segment);
          SdkLog.errorOnce("spill-takeover", "llmops: cannot move spillover segment " + segment.path
              + " into " + dir + "; it stays where it is", e);
        }
      }
      lock.becomeOwner(directoryLock, allMoved);
      SdkLog.info("llmops: the process that owned the spillover directory " + dir + " is gone; "
          + "this process took it over with " + segments.size() + " segment(s)");
      return true;
    }
  }

  private void adopt(Path subdirectory) throws IOException {
    LockFile orphan = LockFile.tryLock(subdirectory);
    if (orphan == null) {
      return; // its process is alive
    }
    boolean emptied = false;
    try {
      TreeMap<Long, Segment> theirs = SegmentFiles.scan(subdirectory);
      long adopted = 0;
      synchronized (this) {
        if (closed) {
          return;
        }
        for (Segment segment : theirs.values()) {
          segments.moveIn(segment, dir);
          inheritedUncounted += segment.records;
          adopted += segment.records;
        }
      }
      emptied = true;
      if (adopted > 0) {
        SdkLog.info("llmops: adopted " + adopted + " spilled message(s) left in " + subdirectory
            + " by a process that is gone; they will be replayed to SQS");
      }
    } finally {
      if (emptied) {
        orphan.releaseAndDelete(true);
      } else {
        orphan.release();
      }
    }
  }

  // ---- segments and space ----

  private void makeRoom(long needed, SinkMetrics metrics) throws IOException {
    long evictedRecords = 0;
    int evictedSegments = 0;
    while (segments.totalBytes() + needed > maxBytes) {
      Segment victim = null;
      for (Segment s : segments.all()) {
        if (!s.claimed && s != active && s.inMemory == 0) {
          victim = s;
          break;
        }
      }
      if (victim == null && active != null && active.records > 0 && active.inMemory == 0) {
        sealActive();
        continue;
      }
      if (victim == null) {
        break; // only segments in use left: the cap is exceeded briefly rather than lose new data
      }
      segments.delete(victim);
      evictedRecords += victim.records;
      evictedSegments++;
    }
    if (evictedSegments > 0) {
      metrics.add(SqsSettings.COUNTER_EVICTED, evictedRecords);
      SdkLog.warnOnce("spill-evicted", "llmops: the spillover journal reached its cap of "
          + maxBytes + " bytes (" + SqsSettings.SPILLOVER_MAX_BYTES + "); evicted the oldest "
          + evictedRecords + " record(s) in " + evictedSegments + " segment(s)");
    }
  }

  /** Deletes a sealed segment with nothing waiting and nothing in use. */
  private void retireIfDone(Segment segment) {
    if (segment != active && !segment.claimed && segment.inMemory == 0 && segment.records == 0) {
      segments.delete(segment);
    }
  }

  private void startSegment() throws IOException {
    Segment segment = segments.create(lock.base());
    activeFile = new RandomAccessFile(segment.path.toFile(), "rw");
    activeFile.seek(activeFile.length());
    active = segment;
  }

  private void sealActive() {
    if (active == null) {
      return;
    }
    Segment sealed = active;
    try {
      if (fsync == FsyncPolicy.ROTATE) {
        activeFile.getFD().sync();
      }
      activeFile.close();
    } catch (IOException e) {
      SdkLog.warnOnce("spill-seal", "llmops: closing spillover segment " + active.path + ": " + e);
    }
    active = null;
    activeFile = null;
    retireIfDone(sealed);
  }

  /**
   * Whether the journal can be used to read and replay: opened on first use (and again after a
   * failure) if its directory exists, never once closed. Only a write creates the directory, so
   * that a process that never spills leaves nothing behind.
   */
  private boolean usable() {
    return !closed && (lock != null || (Files.isDirectory(dir) && ensureOpen()));
  }

  /** Whether the journal can be written to, creating its directory if need be. */
  private boolean usableForWriting() {
    return !closed && ensureOpen();
  }

  private boolean ensureOpen() {
    if (lock != null) {
      return true;
    }
    try {
      JournalLock acquired = JournalLock.acquire(dir);
      try {
        segments.addAll(SegmentFiles.scan(acquired.base()).values());
      } catch (IOException | RuntimeException e) {
        segments.removeAll();
        acquired.release(false);
        throw e;
      }
      lock = acquired;
      openFailure = null;
      if (!segments.isEmpty()) {
        long found = segments.waiting();
        inheritedUncounted += found;
        SdkLog.info("llmops: found " + found + " spilled message(s) in " + lock.base()
            + "; they will be replayed to SQS");
      }
      return true;
    } catch (IOException | RuntimeException e) {
      openFailure = e.toString();
      SdkLog.errorOnce("spill-open", "llmops: cannot use the spillover directory " + dir
          + " (" + SqsSettings.SPILLOVER_DIR + "); messages SQS cannot take will be lost and "
          + "counted as " + SqsSettings.DROPPED_SPILL_FAILED, e);
      return false;
    }
  }

  private void closeFiles() {
    closed = true;
    sealActive();
    if (lock != null) {
      lock.release(segments.isEmpty());
      lock = null;
    }
    segments.removeAll();
  }
}
