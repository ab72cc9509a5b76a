package io.llmops.observability.servlet.testing;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/** The two segments one request across two services sent: the caller's and the called one's. */
public record Segments(JsonNode caller, JsonNode called) {

  /**
   * Tells the two apart by {@code is_child_segment}; fails unless there is one of each and both
   * carry the same {@code trace_id}.
   */
  public static Segments ofOneTrace(List<JsonNode> segments) {
    Segments both = new Segments(only(segments, false), only(segments, true));
    String callerTrace = both.caller.get("trace_id").asText();
    String calledTrace = both.called.get("trace_id").asText();
    if (!callerTrace.equals(calledTrace)) {
      throw new AssertionError("the segments belong to two traces: " + callerTrace + ", "
          + calledTrace);
    }
    return both;
  }

  /** What a child segment's root names as its parent: the span id's first 16 hex digits. */
  public static String w3cParentId(JsonNode callingSpan) {
    return callingSpan.get("span_id").asText().replace("-", "").substring(0, 16);
  }

  private static JsonNode only(List<JsonNode> segments, boolean child) {
    List<JsonNode> matching = segments.stream()
        .filter(segment -> segment.path("is_child_segment").asBoolean() == child).toList();
    if (matching.size() != 1) {
      throw new AssertionError("expected one segment with is_child_segment " + child
          + ", got " + matching.size());
    }
    return matching.get(0);
  }
}
