package io.llmops.observability.bedrock.internal;

import io.llmops.observability.LlmResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * What a Bedrock response stream said so far: its content events (each as one JSON object named
 * by its event type, the shape the core's stream readers fold) and when the first content
 * arrived. Exception events are not kept: the SDK turns them into the call's failure, which the
 * span records. Bounded: content events past {@link #MAX_KEPT_BYTES} are dropped, except the last
 * chunk (it carries the invocation metrics). Fed by the one subscriber thread that delivers the
 * stream, read at its end: the methods are synchronized for that hand-over. Internal.
 */
final class StreamedEvents {

  /** Payload bytes of content events kept for the final reading; later ones are dropped. */
  static final int MAX_KEPT_BYTES = 4 * 1024 * 1024;

  private final List<String> events = new ArrayList<>();
  private String lastChunk;
  private int keptBytes;
  private long firstContentNanos = -1;

  /** One decoded event-stream message, received at {@code nowNanos}. */
  synchronized void add(EventStreamDecoder.Message message, long nowNanos) {
    String messageType = message.header(":message-type");
    String eventType = message.header(":event-type");
    if ("exception".equals(messageType) || "error".equals(messageType) || eventType == null
        || "initial-response".equals(eventType)) {
      return;
    }
    if (firstContentNanos < 0 && isContent(eventType)) {
      firstContentNanos = nowNanos;
    }
    String payload = new String(message.payload(), StandardCharsets.UTF_8).trim();
    if (payload.isEmpty() || payload.charAt(0) != '{') {
      return;
    }
    String wrapped = "{\"" + eventType + "\":" + payload + "}";
    if ("chunk".equals(eventType)) {
      lastChunk = wrapped; // the last chunk carries the invocation metrics: always kept
    }
    if (isContent(eventType) && keptBytes + wrapped.length() > MAX_KEPT_BYTES) {
      return;
    }
    keptBytes += wrapped.length();
    events.add(wrapped);
  }

  /** The content events: ConverseStream's text deltas, InvokeModelWithResponseStream's chunks. */
  private static boolean isContent(String eventType) {
    return "contentBlockDelta".equals(eventType) || "chunk".equals(eventType);
  }

  /** When the first content event arrived ({@link System#nanoTime()}), or -1 before any. */
  synchronized long firstContentNanos() {
    return firstContentNanos;
  }

  /**
   * The events read as one response; null when there are none or none is understood (a stream
   * that ended before any content records no response rather than its raw events).
   */
  synchronized LlmResponse response() {
    if (events.isEmpty() && lastChunk == null) {
      return null;
    }
    List<String> all = new ArrayList<>(events);
    if (lastChunk != null && (all.isEmpty() || !all.get(all.size() - 1).equals(lastChunk))) {
      all.add(lastChunk);
    }
    return LlmResponse.read(all); // a list of events: the core folds them, never keeps them as text
  }
}
