package io.llmops.observability.processor;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
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

  private static final ObjectMapper JSON = new ObjectMapper();

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
    Path target = folder.resolve(letter.receivedAt().toEpochMilli() + "-" + safe(letter.messageId()) + ".json");
    Path temporary = folder.resolve("." + UUID.randomUUID() + ".tmp");
    try {
      Files.write(temporary, JSON.writeValueAsBytes(record(letter)));
      try {
        Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        throw new IOException("the dead-letter folder cannot replace files atomically", e);
      }
    } finally {
      Files.deleteIfExists(temporary);
    }
  }

  private static ObjectNode record(DeadLetter letter) {
    ObjectNode record = JSON.createObjectNode();
    record.put("message_id", letter.messageId());
    record.put("reason", letter.reason().name().toLowerCase(java.util.Locale.ROOT));
    record.put("detail", letter.detail());
    record.put("received_at", letter.receivedAt().toString());
    record.put("body_length", letter.bodyLength());
    record.put("body_truncated", letter.bodyTruncated());
    record.put("body", letter.body());
    return record;
  }

  /** A message id is the queue's, but it names a file: keep only harmless characters. */
  private static String safe(String messageId) {
    String kept = messageId.replaceAll("[^A-Za-z0-9_-]", "_");
    return kept.length() > 128 ? kept.substring(0, 128) : kept;
  }
}
