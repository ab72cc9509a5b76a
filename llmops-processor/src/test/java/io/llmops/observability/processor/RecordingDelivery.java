package io.llmops.observability.processor;

import static org.assertj.core.api.Assertions.fail;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A delivery that records every export, and fails the test when an export is delivered again
 * after it was delivered, or a span is sent in two exports. {@link #failing} makes it refuse.
 */
final class RecordingDelivery implements TraceDelivery {

  private final Map<String, ExportedTrace> delivered = new ConcurrentHashMap<>();
  private final Map<String, String> exportOfSpan = new ConcurrentHashMap<>();
  private final List<String> repeats = new CopyOnWriteArrayList<>();
  final AtomicBoolean failing = new AtomicBoolean();

  @Override
  public boolean deliver(ExportedTrace trace) {
    if (failing.get()) {
      return false;
    }
    if (delivered.putIfAbsent(trace.exportId(), trace) != null) {
      repeats.add("export " + trace.exportId() + " delivered twice");
    }
    for (String spanId : trace.newSpanIds()) {
      String earlier = exportOfSpan.putIfAbsent(spanId, trace.exportId());
      if (earlier != null && !earlier.equals(trace.exportId())) {
        repeats.add("span " + spanId + " sent in " + earlier + " and " + trace.exportId());
      }
    }
    if (!repeats.isEmpty()) {
      fail(String.join("; ", repeats));
    }
    return true;
  }

  Map<String, ExportedTrace> exports() {
    return delivered;
  }

  ExportedTrace export(String exportId) {
    ExportedTrace export = delivered.get(exportId);
    if (export == null) {
      fail("no export " + exportId + " among " + delivered.keySet());
    }
    return export;
  }

  Set<String> spansSent() {
    return exportOfSpan.keySet();
  }

  List<String> repeats() {
    return repeats;
  }
}
