package io.llmops.observability.processor;

import java.io.IOException;
import java.util.List;
import java.util.Optional;

/**
 * What the processor keeps beyond one message: staged child segments, export claims, delivery
 * records, archived traces. Amazon S3 in production ({@code S3ObjectStore}), a folder on a laptop
 * ({@link LocalFolderStore}). Keys are {@code /}-separated paths of {@code [A-Za-z0-9._=/-]}.
 *
 * <p>Several processors share one store: the conditional writes ({@link #createIfAbsent},
 * {@link #replaceIfUnchanged}) are atomic, and are the only coordination between them
 * (docs/PROCESSOR.md, "Several processors").
 */
public interface ObjectStore {

  /** Writes {@code content} under {@code key} unless an object is there; false when one was. */
  boolean createIfAbsent(String key, byte[] content) throws IOException;

  /** Writes {@code content} under {@code key}, replacing what was there. */
  void put(String key, byte[] content) throws IOException;

  /** The object under {@code key} with its version, or empty. */
  Optional<StoredObject> get(String key) throws IOException;

  /**
   * Replaces the object under {@code key} if it is still at {@code version}; false when another
   * writer changed or deleted it since it was read.
   */
  boolean replaceIfUnchanged(String key, byte[] content, String version) throws IOException;

  /** Keys that start with {@code prefix}, in lexical order. */
  List<String> list(String prefix) throws IOException;

  /** Deletes the object under {@code key}; nothing when there is none. */
  void delete(String key) throws IOException;

  /**
   * An object and the version it was read at.
   *
   * @param content the object's bytes
   * @param version an opaque version (S3's ETag, a folder store's digest)
   */
  record StoredObject(byte[] content, String version) {}
}
