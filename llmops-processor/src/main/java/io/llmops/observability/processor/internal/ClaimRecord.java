package io.llmops.observability.processor.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The content of an export claim (docs/PROCESSOR.md, "Several processors"): {@code open} while
 * its owner merges and delivers, {@code sealed} once the pieces it exports are fixed,
 * {@code delivered} (late claims) once every sink holds the export.
 *
 * @param state {@code open}, {@code released} (given up unsealed by its claimer: anyone may take
 *     it over at once), {@code sealed} or {@code delivered}
 * @param owner a random id of the claimer
 * @param at when the state was written, epoch milliseconds
 * @param parent whether the sealed export holds the trace's first message
 * @param segments the segment ids the sealed export holds
 */
public record ClaimRecord(String state, String owner, long at, boolean parent,
    List<String> segments) {

  private static final ObjectMapper JSON = new ObjectMapper();

  public static ClaimRecord open(String owner, long at) {
    return new ClaimRecord("open", owner, at, false, List.of());
  }

  public ClaimRecord sealed(long now, boolean withParent, List<String> segmentIds) {
    return new ClaimRecord("sealed", owner, now, withParent, List.copyOf(segmentIds));
  }

  public ClaimRecord delivered(long now) {
    return new ClaimRecord("delivered", owner, now, parent, segments);
  }

  public ClaimRecord released(long now) {
    return new ClaimRecord("released", owner, now, false, List.of());
  }

  /** Not sealed yet: open, or released. */
  public boolean isOpen() {
    return state.equals("open") || isReleased();
  }

  public boolean isReleased() {
    return state.equals("released");
  }

  public boolean holds(String pieceId) {
    return pieceId.equals(StoreLayout.PARENT) ? parent : segments.contains(pieceId);
  }

  public byte[] toBytes() {
    ObjectNode node = JSON.createObjectNode().put("state", state).put("owner", owner)
        .put("at", at).put("parent", parent);
    segments.forEach(node.putArray("segments")::add);
    return node.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
  }

  /** @throws IOException when {@code bytes} is not a claim */
  public static ClaimRecord of(byte[] bytes) throws IOException {
    JsonNode node = JSON.readTree(bytes);
    if (node == null || !node.path("state").isTextual() || !node.path("at").canConvertToLong()) {
      throw new IOException("export claim unreadable");
    }
    List<String> segments = new ArrayList<>();
    node.path("segments").forEach(id -> segments.add(id.asText()));
    return new ClaimRecord(node.get("state").asText(), node.path("owner").asText(),
        node.get("at").asLong(), node.path("parent").asBoolean(), List.copyOf(segments));
  }
}
