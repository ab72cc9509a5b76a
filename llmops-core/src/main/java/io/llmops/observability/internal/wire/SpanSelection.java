package io.llmops.observability.internal.wire;

import io.llmops.observability.SpanType;
import io.llmops.observability.internal.model.SpanData;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which spans a message keeps when it may carry only some of them: the roots first, then failed
 * spans, generations and the rest in start order, each with every ancestor it needs, so that no
 * kept span points to a parent missing from the message. Internal.
 */
final class SpanSelection {

  private SpanSelection() {}

  /** At most {@code max} of {@code spans}, in their original order, closed under parents. */
  static List<SpanData> keep(List<SpanData> spans, int max) {
    if (spans.size() <= max) {
      return spans;
    }
    if (max <= 0) {
      return List.of();
    }
    Map<String, SpanData> byId = new HashMap<>(spans.size() * 2);
    for (SpanData span : spans) {
      byId.put(span.spanId(), span);
    }
    List<SpanData> candidates = new ArrayList<>(spans);
    candidates.sort(Comparator.comparingInt((SpanData s) -> priority(s, byId))
        .thenComparingLong(SpanData::startMicros));
    Set<String> kept = new HashSet<>();
    List<SpanData> chain = new ArrayList<>();
    for (SpanData candidate : candidates) {
      chain.clear();
      for (SpanData s = candidate; s != null && !kept.contains(s.spanId()) && chain.size() < max;
          s = s.parentSpanId() == null ? null : byId.get(s.parentSpanId())) {
        chain.add(s);
      }
      if (kept.size() + chain.size() > max) {
        continue; // a shallower span may still fit
      }
      chain.forEach(s -> kept.add(s.spanId()));
      if (kept.size() == max) {
        break;
      }
    }
    List<SpanData> out = new ArrayList<>(kept.size());
    for (SpanData span : spans) {
      if (kept.contains(span.spanId())) {
        out.add(span);
      }
    }
    return out;
  }

  private static int priority(SpanData span, Map<String, SpanData> byId) {
    if (span.parentSpanId() == null || !byId.containsKey(span.parentSpanId())) {
      return 0; // a root of this message
    }
    if (span.failed()) {
      return 1;
    }
    return span.type() == SpanType.GENERATION ? 2 : 3;
  }
}
