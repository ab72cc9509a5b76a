package io.llmops.observability.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.llmops.observability.Llmops;
import io.llmops.observability.export.TraceMessage;
import java.time.Duration;
import java.util.List;

/** Reads what reached a {@link CollectingSink}, after flushing the pipeline. */
public final class Exported {

  private Exported() {}

  /** Flushes, then returns the messages received so far. */
  public static List<TraceMessage> flushed(CollectingSink sink) {
    assertThat(Llmops.flush(Duration.ofSeconds(10))).as("flush").isTrue();
    return sink.messages();
  }

  /** Flushes, checks exactly one message arrived, and decodes its trace JSON. */
  public static JsonNode onlyTrace(CollectingSink sink) {
    List<TraceMessage> messages = flushed(sink);
    assertThat(messages).hasSize(1);
    return WireDecoder.trace(messages.get(0).body());
  }

  /**
   * As {@link #onlyTrace}, once a message arrived (within ten seconds): for a span that ends on
   * another thread after the test's own wait returned, as one ending in a stage of an HTTP
   * client's future does (its waiters wake first).
   */
  public static JsonNode onlyTraceOnceSent(CollectingSink sink) {
    await().atMost(Duration.ofSeconds(10)).until(() -> !flushed(sink).isEmpty());
    return onlyTrace(sink);
  }

  /**
   * Everything a consumer could see of a message: the wire body, the trace JSON decoded from it
   * (re-serialised, so escapes are resolved), and the text of every string value and key in it.
   */
  public static String everything(TraceMessage message) {
    JsonNode trace = WireDecoder.trace(message.body());
    StringBuilder out = new StringBuilder();
    out.append(message.body()).append('\n');
    out.append(message.traceJsonText()).append('\n');
    out.append(trace.toString()).append('\n');
    appendStrings(trace, out);
    return out.toString();
  }

  private static void appendStrings(JsonNode node, StringBuilder out) {
    if (node.isTextual()) {
      out.append(node.asText()).append('\n');
      return;
    }
    var fields = node.fields();
    while (fields.hasNext()) {
      var entry = fields.next();
      out.append(entry.getKey()).append('\n');
      appendStrings(entry.getValue(), out);
    }
    if (node.isArray()) {
      for (JsonNode element : node) {
        appendStrings(element, out);
      }
    }
  }
}
