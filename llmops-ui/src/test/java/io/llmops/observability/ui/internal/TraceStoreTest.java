package io.llmops.observability.ui.internal;

import static io.llmops.observability.ui.SampleTraces.supportTrace;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.llmops.observability.processor.DecodedTrace;
import io.llmops.observability.ui.SampleTraces;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TraceStoreTest {

  private static final double DAY = 86_400;

  @TempDir Path directory;
  private TraceStore store;

  @BeforeEach
  void open() throws Exception {
    store = TraceStore.open(directory);
  }

  @AfterEach
  void close() throws Exception {
    store.close();
  }

  @Test
  void theListShowsTracesNewestFirstWithTheirColumns() throws Exception {
    store(supportTrace("older", "ann", 1_000, "gpt-4o", false));
    store(supportTrace("newer", "bob", 2_000, "claude-3", true));

    JsonNode rows = store.reader().list(TraceQuery.newest(10)).get("traces");

    assertThat(rows).extracting(row -> row.get("name").asText()).containsExactly("newer", "older");
    JsonNode newer = rows.get(0);
    assertThat(newer.get("user_id").asText()).isEqualTo("bob");
    assertThat(newer.get("session_id").asText()).isEqualTo("session-bob");
    assertThat(newer.get("status").asText()).isEqualTo("error");
    assertThat(newer.get("models").get(0).asText()).isEqualTo("claude-3");
    assertThat(newer.get("start_ms").asLong()).isEqualTo(2_000_000);
    assertThat(newer.get("duration_ms").asLong()).isEqualTo(1500);
    assertThat(newer.get("total_tokens").asLong()).isEqualTo(160);
    assertThat(newer.get("cost").asDouble()).isEqualTo(0.0042);
    assertThat(newer.get("span_count").asInt()).isEqualTo(4);
    assertThat(newer.get("tags")).extracting(JsonNode::asText).containsExactly("support", "beta");
    assertThat(newer.get("scores").get(0).get("name").asText()).isEqualTo("helpfulness");
    assertThat(newer.get("scores").get(0).get("score").asDouble()).isEqualTo(0.8);
  }

  @Test
  void aTraceSentAgainWithMoreSpansReplacesTheOneStored() throws Exception {
    ObjectNode trace = supportTrace("chat", "ann", 1_000, "gpt-4o", false);
    ObjectNode shorter = trace.deepCopy();
    ((com.fasterxml.jackson.databind.node.ArrayNode) shorter.get("spans")).remove(0);
    store(shorter);
    store(trace);

    assertThat(store.reader().count()).isEqualTo(1);
    assertThat(store.reader().trace(trace.get("trace_id").asText()).trace().get("spans")).hasSize(4);
    assertThat(store.reader().list(TraceQuery.newest(10)).get("traces").get(0).get("span_count").asInt()).isEqualTo(4);
  }

  @Test
  void eachFilterSelectsOnlyTheTracesThatMatchIt() throws Exception {
    store(supportTrace("chat", "ann", 1_000, "gpt-4o", false));
    ObjectNode tagged = supportTrace("search", "bob", 2_000, "claude-3", true);
    ((com.fasterxml.jackson.databind.node.ArrayNode) tagged.get("tags")).add("vip");
    store(tagged);
    store(supportTrace("chat", "carl", 3_000, "claude-3", false));

    assertThat(names(Map.of("name", "chat"))).containsExactly("chat", "chat");
    assertThat(names(Map.of("user", "bob"))).containsExactly("search");
    assertThat(names(Map.of("session", "session-carl"))).containsExactly("chat");
    assertThat(names(Map.of("tag", "vip"))).containsExactly("search");
    assertThat(names(Map.of("status", "error"))).containsExactly("search");
    assertThat(names(Map.of("model", "claude-3"))).containsExactly("chat", "search");
    assertThat(names(Map.of("tag", "support", "model", "gpt-4o"))).containsExactly("chat");
    assertThat(names(Map.of("q", "earc"))).containsExactly("search");
    assertThat(names(Map.of("from", "1500000", "to", "3000000"))).containsExactly("search");
    assertThat(names(Map.of("model", "claude-3", "from", "2500000"))).containsExactly("chat");
  }

  @Test
  void theTextFilterFindsWordsOfInputsAndOutputsOfTheTraceAndItsSpans() throws Exception {
    ObjectNode refund = supportTrace("refund", "ann", 1_000, "gpt-4o", false);
    ((ObjectNode) refund.get("spans").get(0)).put("prompt", "Customer asks about the Zürich warehouse refund");
    store(refund);
    ObjectNode other = supportTrace("other", "bob", 2_000, "gpt-4o", false);
    other.put("trace_output", "parcel delivered");
    store(other);

    assertThat(names(Map.of("text", "zurich warehouse"))).containsExactly("refund");
    assertThat(names(Map.of("text", "wareh"))).as("the last word is a prefix").containsExactly("refund");
    assertThat(names(Map.of("text", "Parcel"))).containsExactly("other");
    assertThat(names(Map.of("text", "reset password"))).containsExactly("other", "refund");
    assertThat(names(Map.of("text", "warehouse", "user", "bob"))).isEmpty();
  }

  @Test
  void aTraceStoredAgainOrDeletedIsFoundByItsTextAsItIsNow() throws Exception {
    ObjectNode trace = supportTrace("answer", "ann", 1_000, "gpt-4o", false);
    trace.put("trace_output", "first draft");
    store(trace);
    trace.put("trace_output", "final answer");
    store(trace);

    assertThat(names(Map.of("text", "draft"))).isEmpty();
    assertThat(names(Map.of("text", "final"))).containsExactly("answer");
    store.writer().deleteStartedBefore(2_000_000);
    assertThat(names(Map.of("text", "final"))).isEmpty();
  }

  @Test
  void aTextWithoutALetterOrDigitIsRefusedNamingTheParameter() {
    assertThatIllegalArgumentException().isThrownBy(() -> TraceQuery.of(Map.of("text", "\"*\" -")))
        .withMessageStartingWith("text ");
  }

  @Test
  void pagesFollowEachOtherThroughTheCursorWithoutGapsOrRepeats() throws Exception {
    for (int i = 0; i < 7; i++) {
      store(supportTrace("t" + i, "ann", 1_000 + (i / 2), "gpt-4o", false)); // pairs share a start
    }
    List<String> seen = new ArrayList<>();
    String cursor = null;
    do {
      Map<String, String> parameters = new java.util.HashMap<>(Map.of("limit", "3"));
      if (cursor != null) {
        parameters.put("cursor", cursor);
      }
      JsonNode page = store.reader().list(TraceQuery.of(parameters));
      page.get("traces").forEach(row -> seen.add(row.get("name").asText()));
      cursor = page.get("next_cursor").isNull() ? null : page.get("next_cursor").asText();
    } while (cursor != null);

    assertThat(seen).hasSize(7).doesNotHaveDuplicates();
    assertThat(seen.get(0)).isEqualTo("t6");
  }

  @Test
  void aChildSegmentIsMergedUnderItsCallerWhicheverArrivesFirst() throws Exception {
    ObjectNode parent = supportTrace("checkout", "ann", 1_000, "gpt-4o", false);
    String caller = parent.get("spans").get(1).get("span_id").asText();
    ObjectNode child = SampleTraces.childSegmentUnderTheTool(parent, "billing");

    store(child);
    assertThat(store.reader().trace(parent.get("trace_id").asText()).trace().get("spans")).hasSize(1);
    store(parent);

    StoredTrace merged = store.reader().trace(parent.get("trace_id").asText());
    assertThat(merged.trace().get("spans")).hasSize(5);
    String childSpan = child.get("spans").get(0).get("span_id").asText();
    assertThat(merged.segmentOfSpan()).containsEntry(childSpan, "segment-1");
    assertThat(spanById(merged.trace(), childSpan).get("parent_span_id").asText()).isEqualTo(caller);
  }

  @Test
  void retentionDeletesTracesOlderThanTheMaximumAgeOldestFirst() throws Exception {
    store(supportTrace("old", "ann", 10 * DAY, "gpt-4o", false));
    store(supportTrace("new", "ann", 40 * DAY, "gpt-4o", false));

    int deleted = store.writer().deleteStartedBefore((long) (30 * DAY * 1000));

    assertThat(deleted).isEqualTo(1);
    assertThat(names(Map.of())).containsExactly("new");
    assertThat(store.reader().trace(store.reader().list(TraceQuery.newest(1)).get("traces").get(0)
        .get("trace_id").asText()).trace().get("spans")).hasSize(4);
  }

  @Test
  void retentionDeletesTheOldestTracesUntilTheDataFitsTheMaximumSize() throws Exception {
    List<DecodedTrace> many = new ArrayList<>();
    for (int i = 0; i < 2_000; i++) {
      ObjectNode trace = supportTrace("t" + i, "ann", 1_000 + i, "gpt-4o", false);
      many.add(new DecodedTrace(trace.get("trace_id").asText(), null, false, false, trace));
    }
    store.writer().upsert(many);
    long before = store.writer().usedBytes();

    int deleted = store.writer().shrinkTo(before / 2);

    assertThat(store.writer().usedBytes()).isLessThanOrEqualTo(before / 2);
    assertThat(deleted).isBetween(500, 2_000);
    assertThat(names(Map.of("limit", "1"))).containsExactly("t1999");
    assertThat(store.reader().count()).isEqualTo(2_000 - deleted);
  }

  private static JsonNode spanById(JsonNode trace, String spanId) {
    for (JsonNode span : trace.get("spans")) {
      if (span.get("span_id").asText().equals(spanId)) {
        return span;
      }
    }
    throw new AssertionError("no span " + spanId);
  }

  private List<String> names(Map<String, String> parameters) throws Exception {
    List<String> names = new ArrayList<>();
    store.reader().list(TraceQuery.of(parameters)).get("traces").forEach(row -> names.add(row.get("name").asText()));
    return names;
  }

  private void store(ObjectNode trace) throws Exception {
    boolean child = trace.path("is_child_segment").asBoolean();
    store.writer().upsert(List.of(new DecodedTrace(trace.get("trace_id").asText(),
        child ? trace.get("segment_id").asText() : null, child, false, trace)));
  }
}
