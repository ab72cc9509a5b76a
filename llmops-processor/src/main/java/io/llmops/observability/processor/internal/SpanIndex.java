package io.llmops.observability.processor.internal;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The span ids of a trace being merged, and how a child segment's root names the span it belongs
 * under (docs/WIRE_FORMAT.md §2a): the full id, or the 16 hex digits of a W3C parent-id, which
 * are the first 16 hex digits of the calling span's UUID without dashes.
 */
public final class SpanIndex {

  private static final Pattern W3C_SPAN_ID = Pattern.compile("[0-9a-f]{16}");

  private final Map<String, String> byId = new HashMap<>();
  private final Map<String, String> byW3cId = new HashMap<>();

  /** Whether a span with this id is in the trace. */
  public boolean contains(String spanId) {
    return byId.containsKey(spanId);
  }

  /** Adds a span; the first of two spans sharing a W3C id keeps it. */
  public void add(String spanId) {
    byId.put(spanId, spanId);
    String hex = spanId.replace("-", "").toLowerCase(Locale.ROOT);
    if (hex.length() >= 16) {
      byW3cId.putIfAbsent(hex.substring(0, 16), spanId);
    }
  }

  /** The id of the span that {@code reference} names, or null when none is in the trace. */
  public @Nullable String resolve(String reference) {
    String exact = byId.get(reference);
    if (exact != null) {
      return exact;
    }
    return W3C_SPAN_ID.matcher(reference).matches() ? byW3cId.get(reference) : null;
  }
}
