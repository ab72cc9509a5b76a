package io.llmops.observability.processor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A trace's segments become one trace with the whole span hierarchy and totals over all of it. */
class TraceMergerTest {

  private static final String TRACE = "87a41b12-cc61-4fdf-9bf2-a50a369b4d30";
  private static final String CALL = "4bf92f35-77b3-4da6-a3ce-929d0e0e4736";
  private static final String CALL_W3C = "4bf92f3577b34da6";
  private static final String PROFILE_CALL = "9a1b2c3d-4e5f-4a6b-8c7d-0e1f2a3b4c5d";
  private static final MessageDecoder DECODER = new MessageDecoder(DecodeLimits.defaults());

  private static DecodedTrace decoded(String json) {
    DecodeResult result = DECODER.decode(json.replace('\'', '"'));
    assertThat(result.decoded()).as("%s", result.rejection()).isTrue();
    return result.trace();
  }

  private static String span(String id, String parent, int tokens, double cost, double start) {
    String parentJson = parent == null ? "null" : "'" + parent + "'";
    return "{'span_id':'" + id + "','span_name':'" + id + "','span_type':'" + (tokens > 0 ? "generation" : "span")
        + "','parent_span_id':" + parentJson + ",'start_time':" + start + ",'end_time':" + (start + 1)
        + ",'usage':" + (tokens > 0 ? "{'input_tokens':" + tokens + ",'output_tokens':1,'total_tokens':" + (tokens + 1) + "}" : "null")
        + ",'cost':" + (cost > 0 ? "{'total_cost':" + cost + "}" : "null") + "}";
  }

  private static final DecodedTrace PARENT = decoded("{'trace_id':'" + TRACE + "','trace_name':'generate',"
      + "'start_time':100.0,'end_time':110.0,'duration_ms':10000,'has_external_segments':true,"
      + "'idempotency_key':'00112233445566778899aabbccddeeff','metadata':{'version':'1.0.0'},"
      + "'token_usage':{'total_input_tokens':10,'total_output_tokens':1,'total_tokens':11},'cost':{'total_cost':0.5},"
      + "'spans':[" + span("root-0000-0000", null, 0, 0, 100) + "," + span(CALL, "root-0000-0000", 0, 0, 101)
      + "," + span("gen-0000-0000", "root-0000-0000", 10, 0.5, 102) + "],'total_spans':3,'total_generations':1}");

  private static DecodedTrace child(String segmentId, String... spans) {
    return decoded("{'trace_id':'" + TRACE + "','trace_name':'" + segmentId + "','is_child_segment':true,"
        + "'segment_id':'" + segmentId + "','project_id':'" + segmentId + "-service','sdk_name':'llmops-observability',"
        + "'metadata':{'service':'" + segmentId + "'},"
        + "'spans':[" + String.join(",", spans) + "]}");
  }

  private static final DecodedTrace PROFILE = child("seg-profile",
      span("profile-root", CALL_W3C, 0, 0, 103), span(PROFILE_CALL, "profile-root", 20, 0.25, 104));
  private static final DecodedTrace BILLING = child("seg-billing",
      span("billing-root", "9a1b2c3d4e5f4a6b", 5, 0.125, 105));

  private static Map<String, String> parents(JsonNode trace) {
    Map<String, String> parents = new HashMap<>();
    trace.get("spans").forEach(s -> parents.put(s.get("span_id").asText(), s.get("parent_span_id").asText(null)));
    return parents;
  }

  @Test
  void aChildRootGoesUnderTheCallingSpanNamedByItsW3cId() {
    MergeResult result = TraceMerger.merge(PARENT, List.of(PROFILE));

    assertThat(result.mergedSegmentIds()).containsExactly("seg-profile");
    assertThat(parents(result.trace())).containsEntry("profile-root", CALL)
        .containsEntry(PROFILE_CALL, "profile-root").containsEntry(CALL, "root-0000-0000");
    assertThat(result.trace().get("total_spans").asInt()).isEqualTo(5);
    assertThat(result.trace().get("total_generations").asInt()).isEqualTo(2);
  }

  @Test
  void totalsAreRecomputedOverEverySegmentsSpans() {
    JsonNode merged = TraceMerger.merge(PARENT, List.of(PROFILE, BILLING)).trace();

    assertThat(merged.get("token_usage").get("total_input_tokens").asLong()).isEqualTo(35);
    assertThat(merged.get("token_usage").get("total_output_tokens").asLong()).isEqualTo(3);
    assertThat(merged.get("token_usage").get("total_tokens").asLong()).isEqualTo(38);
    assertThat(merged.get("cost").get("total_cost").asDouble()).isEqualTo(0.875);
    assertThat(merged.get("end_time").asDouble()).isEqualTo(110.0);
  }

  @Test
  void aSegmentCutDownToFitItsMessageKeepsTheTotalsItDeclares() {
    DecodedTrace cut = decoded("{'trace_id':'" + TRACE + "','is_child_segment':true,'segment_id':'seg-cut',"
        + "'token_usage':{'total_input_tokens':1000,'total_output_tokens':0,'total_tokens':1000},"
        + "'cost':{'total_cost':2.0},'spans':[" + span("cut-root", CALL_W3C, 0, 0, 103) + "]}");

    JsonNode merged = TraceMerger.merge(PARENT, List.of(cut)).trace();

    assertThat(merged.get("token_usage").get("total_input_tokens").asLong()).isEqualTo(1010);
    assertThat(merged.get("cost").get("total_cost").asDouble()).isEqualTo(2.5);
  }

  @Test
  void aSegmentOfAServiceCalledByAChildNestsUnderThatChildsSpanWhateverTheOrder() {
    MergeResult result = TraceMerger.merge(PARENT, List.of(BILLING, PROFILE));

    assertThat(result.mergedSegmentIds()).containsExactlyInAnyOrder("seg-profile", "seg-billing");
    assertThat(result.pendingSegmentIds()).isEmpty();
    assertThat(parents(result.trace())).containsEntry("billing-root", PROFILE_CALL);
  }

  @Test
  void theSameSegmentsInAnyOrderWithRepeatsGiveTheSameTrace() {
    MergeResult once = TraceMerger.merge(PARENT, List.of(PROFILE, BILLING));
    MergeResult shuffledTwice = TraceMerger.merge(PARENT, List.of(BILLING, PROFILE, BILLING, PROFILE));

    assertThat(shuffledTwice.trace()).isEqualTo(once.trace());
    assertThat(shuffledTwice.duplicates()).isEqualTo(2);
    assertThat(once.duplicates()).isZero();
    assertThat(once.trace().get("idempotency_key").asText()).hasSize(32)
        .isNotEqualTo(PARENT.trace().get("idempotency_key").asText());
  }

  @Test
  void aSegmentUnderAMissingSegmentWaitsWhileTheRestIsMerged() {
    DecodedTrace evaluation = child("seg-eval", span("eval", "gen-0000-0000", 0, 0, 120));

    MergeResult result = TraceMerger.merge(PARENT, List.of(BILLING, evaluation));

    assertThat(result.mergedSegmentIds()).containsExactly("seg-eval");
    assertThat(result.pendingSegmentIds()).containsExactly("seg-billing");
    assertThat(parents(result.trace())).doesNotContainKey("billing-root").containsEntry("eval", "gen-0000-0000");
    assertThat(result.trace().get("end_time").asDouble()).isEqualTo(121.0);
    assertThat(result.trace().get("duration_ms").asLong()).isEqualTo(21000);
  }

  @Test
  void withNoSegmentToAttachTheParentIsReturnedAsItCame() {
    MergeResult result = TraceMerger.merge(PARENT, List.of(BILLING));

    assertThat(result.trace()).isEqualTo(PARENT.trace());
    assertThat(result.pendingSegmentIds()).containsExactly("seg-billing");
  }

  @Test
  void eachSegmentIsDescribedInTheTraceMetadataAndTheParentsMetadataIsKept() {
    JsonNode metadata = TraceMerger.merge(PARENT, List.of(PROFILE)).trace().get("metadata");

    assertThat(metadata.get("version").asText()).isEqualTo("1.0.0");
    JsonNode segment = metadata.get("llmops.segments").get(0);
    assertThat(segment.get("segment_id").asText()).isEqualTo("seg-profile");
    assertThat(segment.get("sdk_name").asText()).isEqualTo("llmops-observability");
    assertThat(segment.get("metadata").get("service").asText()).isEqualTo("seg-profile");
    assertThat(segment.get("span_count").asInt()).isEqualTo(2);
  }

  @Test
  void eachAttachedSpanNamesTheSegmentAndTheServiceItCameFromInItsMetadata() {
    JsonNode merged = TraceMerger.merge(PARENT, List.of(PROFILE, BILLING)).trace();

    assertThat(spanMetadata(merged, "profile-root").get("llmops.segment_id").asText()).isEqualTo("seg-profile");
    assertThat(spanMetadata(merged, PROFILE_CALL).get("llmops.segment_service").asText()).isEqualTo("seg-profile-service");
    assertThat(spanMetadata(merged, "billing-root").get("llmops.segment_id").asText()).isEqualTo("seg-billing");
    assertThat(spanMetadata(merged, "billing-root").get("llmops.segment_service").asText()).isEqualTo("seg-billing-service");
    assertThat(spanMetadata(merged, CALL)).isNull();
  }

  @Test
  void aSegmentSpansOwnMetadataIsKeptBesideTheMarksAndAServicelessSegmentIsMarkedByIdOnly() {
    DecodedTrace anonymous = decoded("{'trace_id':'" + TRACE + "','is_child_segment':true,'segment_id':'seg-anon',"
        + "'spans':[{'span_id':'anon-root','parent_span_id':'" + CALL_W3C + "','start_time':103,'end_time':104,"
        + "'metadata':{'team':'payments'}}]}");

    JsonNode metadata = spanMetadata(TraceMerger.merge(PARENT, List.of(anonymous)).trace(), "anon-root");

    assertThat(metadata.get("team").asText()).isEqualTo("payments");
    assertThat(metadata.get("llmops.segment_id").asText()).isEqualTo("seg-anon");
    assertThat(metadata.has("llmops.segment_service")).isFalse();
  }

  private static JsonNode spanMetadata(JsonNode trace, String spanId) {
    for (JsonNode span : trace.get("spans")) {
      if (span.get("span_id").asText().equals(spanId)) {
        return span.get("metadata");
      }
    }
    throw new AssertionError("no span " + spanId);
  }

  @Test
  void theInputsAreLeftUnchanged() {
    JsonNode parentBefore = PARENT.trace().deepCopy();
    JsonNode childBefore = PROFILE.trace().deepCopy();

    TraceMerger.merge(PARENT, List.of(PROFILE, BILLING));

    assertThat(PARENT.trace()).isEqualTo(parentBefore);
    assertThat(PROFILE.trace()).isEqualTo(childBefore);
  }

  @Test
  void argumentsThatCannotBeMergedAreRefusedNamingTheField() {
    DecodedTrace otherTrace = decoded("{'trace_id':'other','is_child_segment':true,'segment_id':'s','spans':[]}");

    assertThatThrownBy(() -> TraceMerger.merge(null, List.of())).hasMessageContaining("parent");
    assertThatThrownBy(() -> TraceMerger.merge(PROFILE, List.of())).hasMessageContaining("parent");
    assertThatThrownBy(() -> TraceMerger.merge(PARENT, null)).hasMessageContaining("children");
    assertThatThrownBy(() -> TraceMerger.merge(PARENT, List.of(otherTrace)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("children");
    assertThatThrownBy(() -> TraceMerger.merge(PARENT, List.of(PARENT))).hasMessageContaining("children");
  }
}
