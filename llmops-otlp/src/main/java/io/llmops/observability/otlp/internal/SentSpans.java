package io.llmops.observability.otlp.internal;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The spans a sink delivered lately (trace id and span id), so that a trace handed over again (a
 * redelivered SQS message, a replay) sends none of them twice: Langfuse stores a span id sent
 * twice as two observations. Bounded: the oldest are forgotten beyond {@value #CAPACITY}.
 * Used by the sink's thread only.
 */
final class SentSpans {

  static final int CAPACITY = 65_536;

  private final Map<String, Boolean> recent = new LinkedHashMap<>(1024, 0.75f, false) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
      return size() > CAPACITY;
    }
  };

  boolean contains(String traceId, String spanId) {
    return recent.containsKey(traceId + spanId);
  }

  void add(String traceId, String spanId) {
    recent.put(traceId + spanId, Boolean.TRUE);
  }
}
