package io.llmops.observability.processor;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.UUID;

/**
 * One JSON file per dead letter in a folder, named {@code <epoch millis>-<message id>.json}: a
 * file appears whole or not at all (written aside, then moved into place atomically), so a
 * reader never sees half a record. The same message rejected twice at the same millisecond
 * leaves one file.
 */
public final class LocalFolderDeadLetters implements DeadLetterStore {

  private final Path folder;

  /**
   * A store writing into {@code folder}, created when missing.
   *
   * @throws IllegalArgumentException when {@code folder} is null
   */
  public LocalFolderDeadLetters(Path folder) {
    if (folder == null) {
      throw new IllegalArgumentException("folder must not be null");
    }
    this.folder = folder;
  }

  @Override
  public void write(DeadLetter letter) throws IOException {
    Files.createDirectories(folder);
    Path target = folder.resolve(letter.fileName());
    Path temporary = folder.resolve("." + UUID.randomUUID() + ".tmp");
    try {
      Files.write(temporary, letter.toJson());
      try {
        Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        throw new IOException("the dead-letter folder cannot replace files atomically", e);
      }
    } finally {
      Files.deleteIfExists(temporary);
    }
  }
}
