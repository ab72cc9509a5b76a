package io.llmops.observability.processor;

import static io.llmops.observability.processor.internal.StoreLayout.PARENT;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.llmops.observability.processor.internal.ClaimRecord;
import io.llmops.observability.processor.internal.Counters;
import io.llmops.observability.processor.internal.SegmentCount;
import io.llmops.observability.processor.internal.StoreLayout;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Joins the pieces of a trace (its first message and its child segments) that reach any of
 * several processors, over one {@link ObjectStore}, and hands each export to the
 * {@link TraceDelivery} once (docs/PROCESSOR.md, "Merge" and "Several processors"). Every piece
 * is staged first; a trace is exported when its pieces are all there, or by the {@link #sweep()}.
 * The only coordination between processors is the store's conditional writes. Thread-safe.
 */
public final class SegmentCoordinator {

  /** What a message's processor may do with it. */
  public enum Outcome {
    /** The piece is staged and whoever exports it will find it: delete the message. */
    DONE,
    /** Not decidable yet, or a delivery failed: leave the message on the queue. */
    RETRY
  }

  private static final ObjectMapper JSON = new ObjectMapper();

  private final ObjectStore store;
  private final TraceDelivery delivery;
  private final MergeWindows windows;
  private final Clock clock;
  private final Counters counters;

  /** @throws IllegalArgumentException naming the argument that is null */
  public SegmentCoordinator(ObjectStore store, TraceDelivery delivery, MergeWindows windows,
      Clock clock, Counters counters) {
    if (store == null || delivery == null || windows == null || clock == null
        || counters == null) {
      throw new IllegalArgumentException((store == null ? "store" : delivery == null ? "delivery"
          : windows == null ? "windows" : clock == null ? "clock" : "counters")
          + " must not be null");
    }
    this.store = store;
    this.delivery = delivery;
    this.windows = windows;
    this.clock = clock;
    this.counters = counters;
  }

  /** Stages one message's piece and exports what it completes. */
  public Outcome accept(DecodedTrace piece) throws IOException {
    String traceId = piece.traceId();
    String pieceId = piece.childSegment() ? piece.segmentId() : PARENT;
    store.createIfAbsent(StoreLayout.pending(traceId, pieceId), marker(traceId, pieceId));
    boolean staged = piece.childSegment()
        ? store.createIfAbsent(StoreLayout.child(traceId, pieceId), bytes(piece.trace()))
        : store.createIfAbsent(StoreLayout.parent(traceId), bytes(JSON.createObjectNode()
            .put("arrived_at", now()).set("trace", piece.trace())));
    counters.increment(staged ? "staged." + (piece.childSegment() ? "segments" : "parents")
        : "staged.duplicates");
    return settle(traceId, pieceId, false);
  }

  /**
   * Exports what waited long enough, takes over claims whose processor died, redelivers sealed
   * exports that were not delivered. Returns how many exports it delivered.
   *
   * @throws IOException when the store cannot list what is pending; a failure on one trace is
   *     counted and logged, and the others are swept
   */
  public int sweep() throws IOException {
    Map<String, List<Marker>> byTrace = new TreeMap<>();
    for (String key : store.list(StoreLayout.PENDING)) {
      Optional<ObjectStore.StoredObject> object = store.get(key);
      if (object.isPresent()) {
        Marker marker = Marker.of(object.get().content());
        byTrace.computeIfAbsent(marker.traceId(), id -> new ArrayList<>()).add(marker);
      }
    }
    int exported = 0;
    for (Map.Entry<String, List<Marker>> trace : byTrace.entrySet()) {
      try {
        exported += sweep(trace.getKey(), trace.getValue());
      } catch (IOException | RuntimeException e) {
        counters.increment("sweep.failures");
        System.getLogger(SegmentCoordinator.class.getName()).log(System.Logger.Level.WARNING,
            "sweep: trace left for the next sweep ({0})", e.getClass().getName());
      }
    }
    return exported;
  }

  private int sweep(String traceId, List<Marker> markers) throws IOException {
    long before = delivered();
    Optional<ObjectStore.StoredObject> claim = store.get(StoreLayout.claim(traceId));
    if (claim.isEmpty()) {
      Optional<Staged> parent = parent(traceId);
      long waited = parent.isPresent() ? parent.get().arrivedAt()
          : markers.stream().mapToLong(Marker::at).min().orElse(now());
      long window = (parent.isPresent() ? windows.segments() : windows.orphans()).toMillis();
      if (now() - waited >= window) {
        exportFirst(traceId, null);
      }
    } else {
      for (Marker marker : markers) {
        boolean orphaned = now() - marker.at() >= windows.orphans().toMillis();
        settle(traceId, marker.pieceId(), orphaned);
      }
    }
    return (int) (delivered() - before);
  }

  /**
   * Decides a staged piece: wait, export the trace, or export the piece late.
   *
   * @param alone whether a segment that attaches nowhere may be exported alone (its orphan
   *     window is over)
   */
  private Outcome settle(String traceId, String pieceId, boolean alone) throws IOException {
    Optional<ObjectStore.StoredObject> stored = store.get(StoreLayout.claim(traceId));
    if (stored.isEmpty()) {
      // Whoever claims the export later lists the pieces after claiming: it finds this one.
      Optional<Staged> parent = parent(traceId);
      if (parent.isEmpty()) {
        return Outcome.DONE;
      }
      Map<String, DecodedTrace> children = children(traceId);
      MergeResult merged = TraceMerger.merge(parent.get().trace(), List.copyOf(children.values()));
      return SegmentCount.complete(parent.get().trace(), children, merged)
          ? exportFirst(traceId, null) : Outcome.DONE;
    }
    ClaimRecord claim = ClaimRecord.of(stored.get().content());
    if (claim.isOpen()) {
      // The claimer may have listed before this piece was staged: only its seal will tell.
      return stale(claim) ? exportFirst(traceId, stored.get()) : Outcome.RETRY;
    }
    if (store.get(StoreLayout.delivered(traceId)).isEmpty()) {
      if (!stale(claim) || redeliver(traceId, claim) == Outcome.RETRY) {
        return Outcome.RETRY;
      }
    }
    if (claim.holds(pieceId)) {
      store.delete(StoreLayout.pending(traceId, pieceId));
      return Outcome.DONE;
    }
    return exportLate(traceId, pieceId, alone);
  }

  /** Claims the trace's export (or takes over {@code stale}), seals what it holds, delivers. */
  private Outcome exportFirst(String traceId, ObjectStore.@Nullable StoredObject stale)
      throws IOException {
    String claimKey = StoreLayout.claim(traceId);
    ClaimRecord open = ClaimRecord.open(UUID.randomUUID().toString(), now());
    boolean claimed = stale == null
        ? store.createIfAbsent(claimKey, open.toBytes())
        : store.replaceIfUnchanged(claimKey, open.toBytes(), stale.version());
    if (!claimed) {
      return Outcome.RETRY;
    }
    if (stale != null) {
      counters.increment("claims.taken_over");
    }
    Optional<ObjectStore.StoredObject> ours = store.get(claimKey);
    if (ours.isEmpty() || !ClaimRecord.of(ours.get().content()).owner().equals(open.owner())) {
      return Outcome.RETRY;
    }
    Optional<Staged> parent;
    Map<String, DecodedTrace> children;
    ClaimRecord sealed;
    try {
      parent = parent(traceId);
      children = children(traceId);
      List<String> segmentIds = parent.isPresent()
          ? TraceMerger.merge(parent.get().trace(), List.copyOf(children.values()))
              .mergedSegmentIds()
          : List.copyOf(children.keySet());
      sealed = open.sealed(now(), parent.isPresent(), segmentIds);
    } catch (IOException | RuntimeException e) {
      release(claimKey, ours.get());
      throw e;
    }
    if (!store.replaceIfUnchanged(claimKey, sealed.toBytes(), ours.get().version())) {
      return Outcome.RETRY; // taken over meanwhile: the new claimer exports
    }
    return deliverFirst(traceId, sealed, parent.map(Staged::trace).orElse(null), children);
  }

  /**
   * Gives up an open claim this processor made and could not seal, so that the message's retry
   * (or another processor) claims again at once rather than after the claim window. Best
   * effort: a claim left behind goes stale as before.
   */
  private void release(String claimKey, ObjectStore.StoredObject ours) {
    try {
      // Conditional on the version this processor wrote: a claim taken over meanwhile stays.
      store.replaceIfUnchanged(claimKey,
          ClaimRecord.of(ours.content()).released(now()).toBytes(), ours.version());
    } catch (IOException | RuntimeException e) {
      counters.increment("claims.release_failed");
    }
  }

  private Outcome redeliver(String traceId, ClaimRecord sealed) throws IOException {
    counters.increment("exports.redelivered");
    Optional<Staged> parent = sealed.parent() ? parent(traceId) : Optional.empty();
    return deliverFirst(traceId, sealed, parent.map(Staged::trace).orElse(null),
        children(traceId));
  }

  /**
   * Delivers a sealed export: the merged trace, or (no parent: orphans) each segment alone. The
   * same sealed claim gives the same exports on every processor.
   */
  private Outcome deliverFirst(String traceId, ClaimRecord sealed, @Nullable DecodedTrace parent,
      Map<String, DecodedTrace> staged) throws IOException {
    List<DecodedTrace> segments = new ArrayList<>();
    for (String segmentId : sealed.segments()) {
      DecodedTrace segment = staged.get(segmentId);
      if (segment == null) {
        throw new IOException("a sealed segment is missing from the store");
      }
      segments.add(segment);
    }
    List<ExportedTrace> exports = new ArrayList<>();
    if (parent != null) {
      ObjectNode trace = TraceMerger.merge(parent, segments).trace();
      exports.add(new ExportedTrace(traceId, traceId, trace, spanIds(trace), false));
    } else {
      for (DecodedTrace segment : segments) {
        exports.add(new ExportedTrace(traceId + "/segment/" + segment.segmentId(), traceId,
            segment.trace(), spanIds(segment.trace()), false));
      }
    }
    for (ExportedTrace export : exports) {
      if (!delivery.deliver(export)) {
        counters.increment("deliveries.failed");
        return Outcome.RETRY;
      }
    }
    store.put(StoreLayout.delivered(traceId), Long.toString(now()).getBytes(StandardCharsets.UTF_8));
    counters.increment(parent != null ? "exports.whole" : "exports.orphans");
    countDelivered(exports.size());
    if (parent != null) {
      store.delete(StoreLayout.pending(traceId, PARENT));
    }
    for (String segmentId : sealed.segments()) {
      store.delete(StoreLayout.pending(traceId, segmentId));
    }
    return Outcome.DONE;
  }

  /**
   * Exports a piece that arrived after its trace went out: the whole trace again (for archives),
   * with only this piece's spans as new. Claimed per piece, so that one processor delivers it.
   */
  private Outcome exportLate(String traceId, String pieceId, boolean alone) throws IOException {
    Optional<Staged> parent = parent(traceId);
    Map<String, DecodedTrace> children = children(traceId);
    DecodedTrace piece = pieceId.equals(PARENT) ? parent.map(Staged::trace).orElse(null)
        : children.get(pieceId);
    if (piece == null) {
      throw new IOException("a staged piece is missing from the store");
    }
    ObjectNode trace = piece.trace();
    if (parent.isPresent()) {
      MergeResult merged = TraceMerger.merge(parent.get().trace(), List.copyOf(children.values()));
      if (pieceId.equals(PARENT) || merged.mergedSegmentIds().contains(pieceId)) {
        trace = merged.trace();
      } else if (!alone) {
        return Outcome.DONE; // attaches under a segment still to come: its marker keeps it swept
      }
    }
    String claimKey = StoreLayout.late(traceId, pieceId);
    ClaimRecord open = ClaimRecord.open(UUID.randomUUID().toString(), now());
    if (!store.createIfAbsent(claimKey, open.toBytes())) {
      Optional<ObjectStore.StoredObject> existing = store.get(claimKey);
      if (existing.isEmpty()) {
        return Outcome.RETRY;
      }
      ClaimRecord claim = ClaimRecord.of(existing.get().content());
      if (claim.state().equals("delivered")) {
        store.delete(StoreLayout.pending(traceId, pieceId));
        return Outcome.DONE;
      }
      if (!stale(claim)
          || !store.replaceIfUnchanged(claimKey, open.toBytes(), existing.get().version())) {
        return Outcome.RETRY;
      }
      counters.increment("claims.taken_over");
    }
    ExportedTrace export = new ExportedTrace(traceId + "/late/" + pieceId, traceId, trace,
        spanIds(piece.trace()), true);
    if (!delivery.deliver(export)) {
      counters.increment("deliveries.failed");
      return Outcome.RETRY; // the claim goes stale; the retry or the sweep takes it over
    }
    store.put(claimKey, open.delivered(now()).toBytes());
    counters.increment("exports.late");
    countDelivered(1);
    store.delete(StoreLayout.pending(traceId, pieceId));
    return Outcome.DONE;
  }

  private Optional<Staged> parent(String traceId) throws IOException {
    Optional<ObjectStore.StoredObject> stored = store.get(StoreLayout.parent(traceId));
    if (stored.isEmpty()) {
      return Optional.empty();
    }
    JsonNode wrapper = JSON.readTree(stored.get().content());
    ObjectNode trace = (ObjectNode) wrapper.get("trace");
    return Optional.of(new Staged(new DecodedTrace(traceId, null, false,
        trace.path("has_external_segments").asBoolean(false), trace),
        wrapper.path("arrived_at").asLong()));
  }

  /** Every staged child segment of the trace, by segment id. */
  private Map<String, DecodedTrace> children(String traceId) throws IOException {
    Map<String, DecodedTrace> children = new LinkedHashMap<>();
    for (String key : store.list(StoreLayout.children(traceId))) {
      Optional<ObjectStore.StoredObject> stored = store.get(key);
      if (stored.isPresent()) {
        ObjectNode trace = (ObjectNode) JSON.readTree(stored.get().content());
        String segmentId = trace.get("segment_id").asText();
        children.put(segmentId, new DecodedTrace(traceId, segmentId, true,
            trace.path("has_external_segments").asBoolean(false), trace));
      }
    }
    return children;
  }

  private boolean stale(ClaimRecord claim) {
    return claim.isReleased() || now() - claim.at() >= windows.claim().toMillis();
  }

  private static Set<String> spanIds(JsonNode trace) {
    Set<String> ids = new LinkedHashSet<>();
    trace.path("spans").forEach(span -> ids.add(span.path("span_id").asText()));
    return ids;
  }

  private byte[] marker(String traceId, String pieceId) {
    return bytes(JSON.createObjectNode().put("trace_id", traceId).put("piece", pieceId)
        .put("at", now()));
  }

  private static byte[] bytes(JsonNode node) {
    return node.toString().getBytes(StandardCharsets.UTF_8);
  }

  private long now() {
    return clock.millis();
  }

  private long delivered() {
    return counters.snapshot().getOrDefault("exports.delivered", 0L);
  }

  private void countDelivered(int exports) {
    for (int i = 0; i < exports; i++) {
      counters.increment("exports.delivered");
    }
  }

  /** A staged first message and when it first arrived. */
  private record Staged(DecodedTrace trace, long arrivedAt) {}

  /** A pending marker: a piece not yet delivered, and since when. */
  private record Marker(String traceId, String pieceId, long at) {
    static Marker of(byte[] content) throws IOException {
      JsonNode node = JSON.readTree(content);
      return new Marker(node.path("trace_id").asText(), node.path("piece").asText(),
          node.path("at").asLong());
    }
  }
}
