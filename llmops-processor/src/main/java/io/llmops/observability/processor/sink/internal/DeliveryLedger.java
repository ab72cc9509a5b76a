package io.llmops.observability.processor.sink.internal;

import io.llmops.observability.processor.ObjectStore;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;

/**
 * Which sinks hold which export: one object {@code deliveries/{exportId}/{sink}} per delivery,
 * created once the sink holds the export and never changed. Shared by every processor on the
 * store, so a retry from any of them skips the sinks already recorded. Internal.
 */
public final class DeliveryLedger {

  private final ObjectStore store;
  private final Clock clock;

  public DeliveryLedger(ObjectStore store, Clock clock) {
    this.store = store;
    this.clock = clock;
  }

  /** Whether {@code sink} is recorded as holding {@code exportId}. */
  public boolean holds(String exportId, String sink) throws IOException {
    return store.get(keyOf(exportId, sink)).isPresent();
  }

  /** Records that {@code sink} holds {@code exportId}; a record already there is kept. */
  public void record(String exportId, String sink) throws IOException {
    String record = "{\"delivered_at\":\"" + clock.instant() + "\"}";
    store.createIfAbsent(keyOf(exportId, sink), record.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * The record's key: each {@code /}-separated part of the export id and the sink name encoded
   * to key characters ({@code <trace_id>/late/<segment_id>} stays readable).
   */
  public static String keyOf(String exportId, String sink) {
    StringBuilder key = new StringBuilder("deliveries");
    for (String part : exportId.split("/", -1)) {
      key.append('/').append(KeyParts.encoded(part));
    }
    return key.append('/').append(KeyParts.encoded(sink)).toString();
  }
}
