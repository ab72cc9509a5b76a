package io.llmops.observability.internal.export;

import io.llmops.observability.export.TraceMessage;
import io.llmops.observability.internal.model.TraceData;
import java.util.ArrayList;
import java.util.List;

/**
 * The traces the worker took from the queue and has not yet accounted for. It belongs to the
 * pipeline, not to the worker's thread, so a worker that dies encoding one trace leaves the rest
 * of the batch to the worker that replaces it.
 */
final class BatchInHand {

  private final List<TraceData> traces;
  private final List<TraceMessage> messages;
  private int nextToEncode;
  /** How many sinks' counters took this batch's messages already. */
  private int sinksCounted;

  BatchInHand(int capacity) {
    traces = new ArrayList<>(capacity);
    messages = new ArrayList<>(capacity);
  }

  /** The list the queue drains into. */
  List<TraceData> traces() {
    return traces;
  }

  boolean isEmpty() {
    return traces.isEmpty();
  }

  boolean hasTraceToEncode() {
    return nextToEncode < traces.size();
  }

  /** The next trace to encode; it counts as taken even if encoding it fails. */
  TraceData takeNextToEncode() {
    return traces.get(nextToEncode++);
  }

  void addMessage(TraceMessage message) {
    messages.add(message);
  }

  /** The messages encoded so far, as a list of their own: a stuck sink may hold it for long. */
  List<TraceMessage> messages() {
    return List.copyOf(messages);
  }

  int messageCount() {
    return messages.size();
  }

  int sinksCounted() {
    return sinksCounted;
  }

  void sinkCounted() {
    sinksCounted++;
  }

  void clear() {
    traces.clear();
    messages.clear();
    nextToEncode = 0;
    sinksCounted = 0;
  }
}
