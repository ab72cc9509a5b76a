package io.llmops.observability.testing;

import io.llmops.observability.export.ExportResult;
import io.llmops.observability.export.TraceMessage;
import io.llmops.observability.export.TraceSink;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A sink that keeps every message it receives, for assertions. Every message is validated
 * against the published JSON Schemas on arrival; {@link #messages()} fails the test when any
 * message was invalid.
 */
public final class CollectingSink implements TraceSink {

  private final List<TraceMessage> messages = new CopyOnWriteArrayList<>();
  private final List<String> violations = new CopyOnWriteArrayList<>();

  @Override
  public String name() {
    return "collecting";
  }

  @Override
  public ExportResult export(List<TraceMessage> batch) {
    for (TraceMessage message : batch) {
      for (String problem : SchemaValidator.validateBody(message.body())) {
        violations.add("trace " + message.traceId() + " -> " + problem);
      }
    }
    messages.addAll(batch);
    return ExportResult.success();
  }

  /** The messages received so far; throws AssertionError if any broke the schemas. */
  public List<TraceMessage> messages() {
    if (!violations.isEmpty()) {
      throw new AssertionError("messages violate the wire schemas:\n  "
          + String.join("\n  ", violations));
    }
    return messages;
  }

  /** Schema violations recorded so far (empty when every message was valid). */
  public List<String> violations() {
    return List.copyOf(violations);
  }
}
