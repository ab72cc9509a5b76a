package io.llmops.observability.internal.export;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.channels.FileLock;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Appends whole lines to a file that other sinks of this JVM and other processes append to as
 * well. A batch is written under two locks: a lock of this JVM for the file (a file lock cannot
 * be held twice in one JVM: {@code OverlappingFileLockException}) and an exclusive file lock
 * (other processes). A batch that fails part-way is cut off again, so the file only ever holds
 * whole lines; a line left cut by a writer that died is removed before the next batch. Internal.
 */
final class SharedLineFile {

  /** How long a batch waits for another process to finish its own. */
  private static final long LOCK_WAIT_NANOS = TimeUnit.SECONDS.toNanos(10);
  /** Locks of this JVM, by file: a fixed set, so that many files never mean many locks. */
  private static final ReentrantLock[] JVM_LOCKS = new ReentrantLock[64];

  static {
    for (int i = 0; i < JVM_LOCKS.length; i++) {
      JVM_LOCKS[i] = new ReentrantLock();
    }
  }

  private SharedLineFile() {}

  /**
   * Appends each of {@code lines} (none containing a newline) as one line to {@code file}, whose
   * directory exists. Returns the number of bytes of a cut line that was removed first (0 when
   * there was none). On an exception nothing of {@code lines} is left in the file.
   */
  static long append(Path file, List<String> lines) throws IOException {
    Path key = file.getParent().toRealPath().resolve(file.getFileName());
    ReentrantLock jvmLock = JVM_LOCKS[Math.floorMod(key.hashCode(), JVM_LOCKS.length)];
    jvmLock.lock();
    try (FileChannel channel = FileChannel.open(key, StandardOpenOption.CREATE,
            StandardOpenOption.READ, StandardOpenOption.WRITE);
        FileLock ignored = lockExclusively(channel)) {
      long end = channel.size();
      long start = endOfLastWholeLine(channel, end);
      if (start < end) {
        channel.truncate(start);
      }
      try {
        long position = start;
        for (String line : lines) {
          position = writeFully(channel, asLine(line), position);
        }
      } catch (IOException e) {
        cutBackTo(channel, start, e);
        throw e;
      }
      return end - start;
    } finally {
      jvmLock.unlock();
    }
  }

  private static ByteBuffer asLine(String text) {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    ByteBuffer line = ByteBuffer.allocate(bytes.length + 1);
    return line.put(bytes).put((byte) '\n').flip();
  }

  /** Writes all of {@code bytes} at {@code position}; returns the position after them. */
  private static long writeFully(FileChannel channel, ByteBuffer bytes, long position)
      throws IOException {
    while (bytes.hasRemaining()) {
      position += channel.write(bytes, position);
    }
    return position;
  }

  private static FileLock lockExclusively(FileChannel channel) throws IOException {
    long deadline = System.nanoTime() + LOCK_WAIT_NANOS;
    while (true) {
      FileLock lock = channel.tryLock();
      if (lock != null) {
        return lock;
      }
      if (System.nanoTime() - deadline > 0) {
        throw new IOException("another process kept the file locked for "
            + TimeUnit.NANOSECONDS.toSeconds(LOCK_WAIT_NANOS) + " s");
      }
      try {
        Thread.sleep(2);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException("interrupted while waiting for the file lock", e);
      }
    }
  }

  /** The position just after the last newline before {@code end} (0 when there is none). */
  private static long endOfLastWholeLine(FileChannel channel, long end) throws IOException {
    if (end == 0 || byteAt(channel, end - 1) == '\n') {
      return end;
    }
    ByteBuffer chunk = ByteBuffer.allocate(8192);
    long position = end;
    while (position > 0) {
      int length = (int) Math.min(chunk.capacity(), position);
      chunk.clear().limit(length);
      long from = position - length;
      while (chunk.hasRemaining()) {
        if (channel.read(chunk, from + chunk.position()) < 0) {
          throw new IOException("the file shrank while it was locked");
        }
      }
      for (int i = length - 1; i >= 0; i--) {
        if (chunk.get(i) == '\n') {
          return from + i + 1;
        }
      }
      position = from;
    }
    return 0;
  }

  private static byte byteAt(FileChannel channel, long position) throws IOException {
    ByteBuffer one = ByteBuffer.allocate(1);
    if (channel.read(one, position) != 1) {
      throw new IOException("the file shrank while it was locked");
    }
    return one.get(0);
  }

  private static void cutBackTo(FileChannel channel, long start, IOException failure) {
    try {
      channel.truncate(start);
    } catch (IOException e) {
      failure.addSuppressed(e); // the next batch removes the cut line
    }
  }
}
