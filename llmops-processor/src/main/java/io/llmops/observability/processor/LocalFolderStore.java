package io.llmops.observability.processor;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.nio.file.FileVisitResult;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Collections;

/**
 * An {@link ObjectStore} in a folder, for a laptop or one host: one file per key. Several
 * processes may share the folder: a write goes to a temporary file first and is then linked or
 * moved into place (a reader sees a whole object or none), and {@link #replaceIfUnchanged},
 * {@link #put} and {@link #delete} hold a lock file of the folder while they compare and write.
 * An object's version is the SHA-256 of its bytes.
 */
public final class LocalFolderStore implements ObjectStore {

  private static final Pattern KEY = Pattern.compile("[A-Za-z0-9._=-]+(/[A-Za-z0-9._=-]+)*");
  private static final String WORK = ".work";

  private final Path root;
  private final Path work;
  /**
   * The lock file serialises the writers of other processes, these locks (one per folder, shared
   * by every store on it) those of this one: the JVM allows one file lock per file.
   */
  private static final ConcurrentMap<Path, ReentrantLock> IN_PROCESS = new ConcurrentHashMap<>();

  private final ReentrantLock inProcess;

  /** @throws IllegalArgumentException when {@code root} is null */
  public LocalFolderStore(Path root) {
    if (root == null) {
      throw new IllegalArgumentException("root must not be null");
    }
    this.root = root.toAbsolutePath().normalize();
    this.work = this.root.resolve(WORK);
    this.inProcess = IN_PROCESS.computeIfAbsent(this.root, folder -> new ReentrantLock());
  }

  @Override
  public boolean createIfAbsent(String key, byte[] content) throws IOException {
    Path target = pathOf(key);
    Path temporary = temporaryFile(content);
    try {
      for (int attempt = 1; ; attempt++) {
        Files.createDirectories(target.getParent());
        try {
          Files.createLink(target, temporary); // atomic: fails when the key exists
          return true;
        } catch (FileAlreadyExistsException e) {
          return false;
        } catch (NoSuchFileException e) {
          if (attempt == 3) {
            throw e; // a delete emptied and removed the folder meanwhile, again and again
          }
        }
      }
    } finally {
      Files.deleteIfExists(temporary);
    }
  }

  @Override
  public void put(String key, byte[] content) throws IOException {
    Path target = pathOf(key);
    locked(() -> {
      moveIntoPlace(temporaryFile(content), target);
      return null;
    });
  }

  @Override
  public Optional<StoredObject> get(String key) throws IOException {
    try {
      byte[] content = Files.readAllBytes(pathOf(key));
      return Optional.of(new StoredObject(content, versionOf(content)));
    } catch (NoSuchFileException e) {
      return Optional.empty();
    }
  }

  @Override
  public boolean replaceIfUnchanged(String key, byte[] content, String version)
      throws IOException {
    if (version == null) {
      throw new IllegalArgumentException("version must not be null");
    }
    Path target = pathOf(key);
    return locked(() -> {
      Optional<StoredObject> current = get(key);
      if (current.isEmpty() || !current.get().version().equals(version)) {
        return false;
      }
      moveIntoPlace(temporaryFile(content), target);
      return true;
    });
  }

  @Override
  public List<String> list(String prefix) throws IOException {
    if (prefix == null) {
      throw new IllegalArgumentException("prefix must not be null");
    }
    int slash = prefix.lastIndexOf('/');
    Path start = slash < 0 ? root : pathOf(prefix.substring(0, slash));
    List<String> keys = new ArrayList<>();
    if (!Files.isDirectory(start)) {
      return keys;
    }
    // Other writers create and delete objects meanwhile: what vanishes is simply not listed.
    Files.walkFileTree(start, new SimpleFileVisitor<>() {
      @Override
      public FileVisitResult preVisitDirectory(Path directory, BasicFileAttributes attributes) {
        return directory.equals(work) ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
        String key = root.relativize(file).toString().replace('\\', '/');
        if (attributes.isRegularFile() && key.startsWith(prefix)) {
          keys.add(key);
        }
        return FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
        if (e instanceof NoSuchFileException) {
          return FileVisitResult.CONTINUE;
        }
        throw e;
      }
    });
    Collections.sort(keys);
    return keys;
  }

  @Override
  public void delete(String key) throws IOException {
    Path target = pathOf(key);
    locked(() -> {
      Files.deleteIfExists(target);
      pruneEmptyFolders(target.getParent());
      return null;
    });
  }

  /** Removes the folders a delete left empty, so that listing does not walk what is gone. */
  private void pruneEmptyFolders(Path folder) throws IOException {
    for (Path dir = folder; dir != null && !dir.equals(root); dir = dir.getParent()) {
      try {
        Files.delete(dir);
      } catch (DirectoryNotEmptyException | NoSuchFileException e) {
        return;
      }
    }
  }

  private Path pathOf(String key) {
    if (key == null || !KEY.matcher(key).matches() || key.startsWith(WORK)
        || Stream.of(key.split("/")).anyMatch(part -> part.equals("..") || part.equals("."))) {
      throw new IllegalArgumentException("key must be a relative path of [A-Za-z0-9._=-] parts");
    }
    return root.resolve(key);
  }

  private Path temporaryFile(byte[] content) throws IOException {
    if (content == null) {
      throw new IllegalArgumentException("content must not be null");
    }
    Files.createDirectories(work);
    Path temporary = Files.createTempFile(work, "object-", ".tmp");
    Files.write(temporary, content);
    return temporary;
  }

  private static void moveIntoPlace(Path temporary, Path target) throws IOException {
    try {
      Files.createDirectories(target.getParent());
      Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE,
          StandardCopyOption.REPLACE_EXISTING);
    } finally {
      Files.deleteIfExists(temporary);
    }
  }

  private <T> T locked(LockedWrite<T> write) throws IOException {
    inProcess.lock();
    try {
      Files.createDirectories(work);
      try (FileChannel channel = FileChannel.open(work.resolve("lock"),
          StandardOpenOption.CREATE, StandardOpenOption.WRITE);
          FileLock ignored = channel.lock()) {
        return write.run();
      }
    } finally {
      inProcess.unlock();
    }
  }

  private static String versionOf(byte[] content) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }

  @FunctionalInterface
  private interface LockedWrite<T> {
    T run() throws IOException;
  }
}
