package io.llmops.observability.processor.sink;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.llmops.observability.processor.ExportedTrace;
import io.llmops.observability.processor.ObjectStore;
import io.llmops.observability.processor.TraceSink;
import io.llmops.observability.processor.sink.internal.ArchiveKey;
import java.io.IOException;

/**
 * Keeps each merged trace as JSON in an {@link ObjectStore}: S3 in production, a folder
 * ({@link io.llmops.observability.processor.LocalFolderStore}) on a laptop. The key is
 * {@code traces/{project}/{environment}/{yyyy}/{MM}/{dd}/{trace_id}.json} (project and environment
 * from the trace, reduced to {@code [A-Za-z0-9_-]}; the date of its {@code start_time}, UTC). A late
 * export writes the whole merged trace again at the same key, so the archive always holds the
 * latest merge. Idempotent; thread-safe.
 */
public final class ArchiveSink implements TraceSink {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final String name;
  private final ObjectStore store;

  /**
   * @throws IllegalArgumentException naming the argument when {@code name} is blank or
   *     {@code store} null
   */
  public ArchiveSink(String name, ObjectStore store) {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("name must not be blank");
    }
    if (store == null) {
      throw new IllegalArgumentException("store must not be null");
    }
    this.name = name;
    this.store = store;
  }

  /** Where {@code trace} is archived. */
  public static String keyOf(ExportedTrace trace) {
    return ArchiveKey.of(trace.trace());
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public void deliver(ExportedTrace trace) throws IOException {
    byte[] json;
    try {
      json = JSON.writeValueAsBytes(trace.trace());
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("the trace could not be written as JSON", e);
    }
    store.put(keyOf(trace), json);
  }
}
