package io.llmops.observability.sqs.internal;

import io.llmops.observability.spi.SdkLog;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Which directory this process writes spillover segments to. The process that locks
 * {@code <dir>/.lock} owns {@code dir} and replays whatever it holds. Another process using the
 * same directory at the same time writes to {@code <dir>/process-<pid>}, which it locks in turn
 * ({@code process-<pid>/.lock}), so that two processes never rewrite each other's segments. When
 * a process ends, even by {@code kill -9}, the OS releases its locks: the owner then adopts the
 * segments of a subdirectory whose lock it can take, and a process spilling to its subdirectory
 * takes the directory over when it can take the directory's lock (see
 * {@link SpilloverJournal#adoptOrphans}). Internal.
 */
final class JournalLock {

  private static final Pattern SUBDIRECTORY = Pattern.compile("process-\\d+");

  private final Path dir;
  /** Whether this process created {@code dir}: it then removes it again when it leaves it empty. */
  private final boolean created;
  /** Held while this process owns {@code dir}. */
  private LockFile main;
  /** This process's subdirectory, while it has one. */
  private LockFile own;

  private JournalLock(Path dir, boolean created, LockFile main, LockFile own) {
    this.dir = dir;
    this.created = created;
    this.main = main;
    this.own = own;
  }

  static JournalLock acquire(Path dir) throws IOException {
    boolean created = !Files.isDirectory(dir);
    Files.createDirectories(dir);
    LockFile main = LockFile.tryLock(dir);
    if (main != null) {
      return new JournalLock(dir, created, main, null);
    }
    LockFile own = LockFile.lockSubdirectory(dir.resolve("process-" + ProcessHandle.current().pid()));
    SdkLog.warn("llmops: another process uses the spillover directory " + dir
        + "; this one spills to " + own.directory() + " until that process is gone (then the "
        + "directory's owner adopts what is left there, or this process takes the directory over)");
    return new JournalLock(dir, false, null, own);
  }

  /** The directory new segments are written to. */
  Path base() {
    return main != null ? dir : own.directory();
  }

  boolean ownsDirectory() {
    return main != null;
  }

  /** The directory's lock if its owner is gone (null while it lives); see {@link #becomeOwner}. */
  LockFile tryDirectoryLock() throws IOException {
    return LockFile.tryLock(dir);
  }

  /**
   * Makes this process the owner with the directory's lock; gives up its own subdirectory when
   * every segment left it, otherwise keeps its lock (so that no other owner adopts those while
   * this process uses them; after this process, the next owner adopts them).
   */
  void becomeOwner(LockFile directoryLock, boolean subdirectoryEmptied) {
    main = directoryLock;
    if (subdirectoryEmptied && own != null) {
      own.releaseAndDelete(true);
      own = null;
    }
  }

  /** The {@code process-<pid>} subdirectories of other processes, alive or gone. */
  List<Path> otherSubdirectories() throws IOException {
    List<Path> found = new ArrayList<>();
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
      for (Path entry : entries) {
        if (SUBDIRECTORY.matcher(entry.getFileName().toString()).matches() && Files.isDirectory(entry)
            && (own == null || !entry.equals(own.directory()))) {
          found.add(entry);
        }
      }
    }
    found.sort(null);
    return found;
  }

  /**
   * Releases the locks. With no segment left, removes the lock files, this process's
   * subdirectory, and the directory itself if this process created it and nothing else is in
   * it (a directory prepared by its operator stays).
   */
  void release(boolean noSegmentsLeft) {
    if (main != null) {
      if (noSegmentsLeft) {
        main.releaseAndDelete(created);
      } else {
        main.release();
      }
      main = null;
    }
    if (own != null) {
      if (noSegmentsLeft) {
        own.releaseAndDelete(true);
      } else {
        own.release();
      }
      own = null;
    }
  }
}
