package io.llmops.observability.sqs.internal;

import io.llmops.observability.internal.engine.InternalLog;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Which directory this process writes spillover segments to. The first process to lock
 * {@code <dir>/.lock} owns {@code dir} and replays whatever it holds; another process using the
 * same directory at the same time writes to {@code <dir>/process-<pid>} instead, so that two
 * processes never rewrite each other's segments. The OS releases the lock when a process dies.
 * Internal.
 */
final class JournalLock {

  private final FileChannel channel;
  private final FileLock lock;
  private final Path base;

  private JournalLock(FileChannel channel, FileLock lock, Path base) {
    this.channel = channel;
    this.lock = lock;
    this.base = base;
  }

  static JournalLock acquire(Path dir) throws IOException {
    Files.createDirectories(dir);
    FileChannel channel = FileChannel.open(dir.resolve(".lock"), StandardOpenOption.CREATE,
        StandardOpenOption.WRITE);
    FileLock lock;
    try {
      lock = channel.tryLock();
    } catch (OverlappingFileLockException e) {
      lock = null;
    } catch (IOException | RuntimeException e) {
      channel.close();
      throw e;
    }
    if (lock != null) {
      return new JournalLock(channel, lock, dir);
    }
    Path own = dir.resolve("process-" + ProcessHandle.current().pid());
    try {
      Files.createDirectories(own);
    } catch (IOException e) {
      channel.close();
      throw e;
    }
    InternalLog.warn("llmops: another process uses the spillover directory " + dir
        + "; this one spills to " + own + ", which is replayed only by this process");
    return new JournalLock(channel, null, own);
  }

  /** The directory this process reads and writes segments in. */
  Path base() {
    return base;
  }

  void release() {
    try {
      if (lock != null) {
        lock.release();
      }
      channel.close();
    } catch (IOException | RuntimeException ignored) {
      // best effort: the OS releases the lock at exit anyway
    }
  }
}
