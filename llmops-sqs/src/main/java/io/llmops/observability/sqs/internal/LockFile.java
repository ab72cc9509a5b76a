package io.llmops.observability.sqs.internal;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.locks.LockSupport;

/**
 * An exclusive lock on {@code <dir>/.lock}, held by this process until it is released or the
 * process ends (the operating system releases it then, even after {@code kill -9}). Internal.
 */
final class LockFile {

  static final String NAME = ".lock";
  private static final int SUBDIRECTORY_ATTEMPTS = 100;
  private static final long SUBDIRECTORY_PAUSE_NANOS = 10_000_000L;

  private final Path dir;
  private final FileChannel channel;
  private final FileLock lock;

  private LockFile(Path dir, FileChannel channel, FileLock lock) {
    this.dir = dir;
    this.channel = channel;
    this.lock = lock;
  }

  /** The lock of {@code dir}, or null when another process (or another lock in this JVM) holds it. */
  static LockFile tryLock(Path dir) throws IOException {
    FileChannel channel = FileChannel.open(dir.resolve(NAME), StandardOpenOption.CREATE,
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
    if (lock == null) {
      channel.close();
      return null;
    }
    LockFile locked = new LockFile(dir, channel, lock);
    if (!Files.exists(dir.resolve(NAME))) {
      // its holder unlinked it while leaving (releaseAndDelete): a lock on a file no path names
      locked.release();
      return null;
    }
    return locked;
  }

  /**
   * Creates and locks this process's own subdirectory. The owner of the parent directory may be
   * adopting (and removing) a leftover directory of that name at this very moment: then this
   * waits and tries again, and a lock taken on a lock file the owner unlinked meanwhile is given
   * up, so that the lock held at the end is always on the file the path names.
   */
  static LockFile lockSubdirectory(Path own) throws IOException {
    IOException last = null;
    for (int attempt = 0; attempt < SUBDIRECTORY_ATTEMPTS; attempt++) {
      try {
        Files.createDirectories(own);
        LockFile lock = tryLock(own);
        if (lock != null) {
          return lock;
        }
      } catch (NoSuchFileException e) {
        last = e; // removed between its creation and the opening of its lock file
      }
      LockSupport.parkNanos(SUBDIRECTORY_PAUSE_NANOS);
    }
    throw new IOException("cannot lock the spillover subdirectory " + own, last);
  }

  Path directory() {
    return dir;
  }

  void release() {
    try {
      lock.release();
      channel.close();
    } catch (IOException | RuntimeException ignored) {
      // best effort: the OS releases the lock at exit anyway
    }
  }

  /**
   * Removes the lock file (while still holding it, so that nobody locks it in between), releases
   * the lock, and removes the directory too when {@code withDirectory} and nothing else is in it.
   */
  void releaseAndDelete(boolean withDirectory) {
    try {
      Files.deleteIfExists(dir.resolve(NAME));
    } catch (IOException | RuntimeException ignored) {
      // left in place: a later owner removes the directory
    }
    release();
    if (!withDirectory) {
      return;
    }
    try {
      Files.deleteIfExists(dir);
    } catch (IOException | RuntimeException ignored) {
      // not empty (a process of that pid just started there) or not removable: left in place
    }
  }
}
