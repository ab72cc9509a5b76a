package io.llmops.observability.otlp.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.common.AttributesBuilder;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The trace-level attributes. Langfuse (v4) has no trace entity: it aggregates name, user,
 * session, tags, environment, release and version over the spans, taking tags from the latest
 * span, so these go on every span ({@link #everySpan}). Trace metadata, input and output it reads
 * from the span without a parent, so those go on root spans only ({@link #rootSpan}), which also
 * keeps a large trace metadata from being repeated on every span.
 */
final class TraceAttributes {

  private final Attributes everySpan;
  private final Attributes rootSpan;

  private TraceAttributes(Attributes everySpan, Attributes rootSpan) {
    this.everySpan = everySpan;
    this.rootSpan = rootSpan;
  }

  static TraceAttributes of(JsonNode trace, String environment) {
    AttributesBuilder every = Attributes.builder();
    putText(every, "langfuse.trace.name", JsonValues.text(trace, "trace_name"));
    String user = JsonValues.text(trace, "user_id");
    putText(every, "langfuse.user.id", user);
    putText(every, "user.id", user);
    String session = JsonValues.text(trace, "session_id");
    putText(every, "langfuse.session.id", session);
    putText(every, "session.id", session);
    putText(every, "gen_ai.conversation.id", session);
    List<String> tags = texts(trace.get("tags"));
    if (!tags.isEmpty()) {
      every.put(AttributeKey.stringArrayKey("langfuse.trace.tags"), tags);
    }
    every.put("langfuse.environment", LangfuseEnvironment.normalise(environment));
    JsonNode metadata = trace.get("metadata");
    if (metadata != null && metadata.isObject()) {
      putText(every, "langfuse.release", JsonValues.text(metadata, "release"));
      putText(every, "langfuse.version", JsonValues.text(metadata, "version"));
    }
    AttributesBuilder root = Attributes.builder();
    MetadataAttributes.put(root, "langfuse.trace.metadata.", metadata);
    JsonNode input = JsonValues.present(trace, "trace_input");
    if (input != null) {
      root.put("langfuse.trace.input", JsonValues.json(input));
    }
    JsonNode output = JsonValues.present(trace, "trace_output");
    if (output != null) {
      root.put("langfuse.trace.output", JsonValues.json(output));
    }
    return new TraceAttributes(every.build(), root.build());
  }

  Attributes everySpan() {
    return everySpan;
  }

  Attributes rootSpan() {
    return rootSpan;
  }

  static void putText(AttributesBuilder attributes, String key, @Nullable String value) {
    if (value != null && !value.isEmpty()) {
      attributes.put(key, value);
    }
  }

  static List<String> texts(@Nullable JsonNode array) {
    List<String> texts = new ArrayList<>();
    if (array != null && array.isArray()) {
      for (JsonNode element : array) {
        if (element.isTextual()) {
          texts.add(element.textValue());
        }
      }
    }
    return texts;
  }
}
