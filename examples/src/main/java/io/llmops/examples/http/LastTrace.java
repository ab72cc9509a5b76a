package io.llmops.examples.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.llmops.observability.export.ExportResult;
import io.llmops.observability.export.TraceMessage;
import io.llmops.observability.export.TraceSink;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/** A sink that keeps the last trace it was given, as JSON, for the demo to print. */
final class LastTrace implements TraceSink {

  private static final ObjectMapper JSON = new ObjectMapper();
  private final AtomicReference<JsonNode> last = new AtomicReference<>();

  @Override
  public String name() {
    return "demo";
  }

  @Override
  public ExportResult export(List<TraceMessage> messages) {
    try {
      for (TraceMessage message : messages) {
        last.set(JSON.readTree(message.traceJson()));
      }
      return ExportResult.success();
    } catch (IOException e) {
      return ExportResult.failure(e.toString());
    }
  }

  JsonNode get() {
    return last.get();
  }
}
