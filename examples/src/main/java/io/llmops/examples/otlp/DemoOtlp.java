package io.llmops.examples.otlp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.llmops.observability.LlmopsConfig;
import io.llmops.observability.otlp.OtlpSettings;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.trace.v1.Span;
import java.io.IOException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;

/**
 * The demo's OTLP part: when {@code LLMOPS_SINKS} names {@code otlp} and no OTLP endpoint is set,
 * or names {@code langfuse} and no Langfuse key is set, the demo starts a {@link LocalOtlpReceiver}
 * and points the sink at it (with stand-in keys for Langfuse), then prints what that backend
 * received: each span with its type, model, usage and parent, and the Langfuse scores. With an
 * endpoint or keys configured the sinks send where they say, and this does nothing.
 */
public final class DemoOtlp implements AutoCloseable {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final LocalOtlpReceiver receiver;

  private DemoOtlp(LocalOtlpReceiver receiver) {
    this.receiver = receiver;
  }

  /** Starts the local receiver when wanted (see the class comment) and sets it on {@code config}. */
  public static DemoOtlp startIfWanted(LlmopsConfig fromEnvironment, LlmopsConfig.Builder config) {
    boolean otlp = fromEnvironment.sinkNames().contains("otlp")
        && fromEnvironment.raw(OtlpSettings.OTLP_ENDPOINT).isEmpty()
        && fromEnvironment.raw(OtlpSettings.OTLP_TRACES_ENDPOINT).isEmpty();
    boolean langfuse = fromEnvironment.sinkNames().contains("langfuse")
        && fromEnvironment.raw(OtlpSettings.LANGFUSE_PUBLIC_KEY).isEmpty()
        && fromEnvironment.raw(OtlpSettings.LANGFUSE_SECRET_KEY).isEmpty();
    if (!otlp && !langfuse) {
      return new DemoOtlp(null);
    }
    LocalOtlpReceiver receiver;
    try {
      receiver = LocalOtlpReceiver.start();
    } catch (IOException e) {
      System.out.println("Could not start the local OTLP receiver (" + e + "); the otlp and langfuse"
          + " sinks send to their defaults.");
      return new DemoOtlp(null);
    }
    if (otlp) {
      config.set(OtlpSettings.OTLP_ENDPOINT, receiver.baseUrl());
    }
    if (langfuse) {
      config.set(OtlpSettings.LANGFUSE_BASE_URL, receiver.baseUrl())
          .set(OtlpSettings.LANGFUSE_PUBLIC_KEY, "pk-lf-local-demo")
          .set(OtlpSettings.LANGFUSE_SECRET_KEY, "sk-lf-local-demo");
    }
    return new DemoOtlp(receiver);
  }

  /** Prints what the local receiver got; call after the SDK shut down (every span sent). */
  public void report() {
    if (receiver == null) {
      return;
    }
    System.out.println("Local OTLP receiver " + receiver.baseUrl() + " received "
        + receiver.spans().size() + " span(s):");
    Map<String, String> names = new HashMap<>();
    for (Span span : receiver.spans()) {
      names.put(hex(span), span.getName());
    }
    for (Span span : receiver.spans()) {
      System.out.println("  " + describe(span, names));
    }
    if (!receiver.scores().isEmpty()) {
      System.out.println("and " + receiver.scores().size() + " Langfuse score(s):");
      for (String body : receiver.scores()) {
        System.out.println("  " + describeScore(body, names));
      }
    }
  }

  private static String describe(Span span, Map<String, String> names) {
    StringBuilder line = new StringBuilder(span.getName())
        .append(" [").append(text(span, "langfuse.observation.type")).append(']');
    String model = text(span, "gen_ai.request.model");
    if (!model.isEmpty()) {
      line.append(" model=").append(model);
    }
    AnyValue input = attribute(span, "gen_ai.usage.input_tokens");
    if (input != null) {
      AnyValue output = attribute(span, "gen_ai.usage.output_tokens");
      line.append(" tokens in/out=").append(input.getIntValue()).append('/')
          .append(output == null ? 0 : output.getIntValue());
    }
    String parent = span.getParentSpanId().isEmpty() ? null
        : HexFormat.of().formatHex(span.getParentSpanId().toByteArray());
    line.append(parent == null ? " (root)" : " parent=" + names.getOrDefault(parent, parent));
    return line.toString();
  }

  private static String describeScore(String body, Map<String, String> names) {
    try {
      JsonNode score = JSON.readTree(body);
      String on = score.path("observationId").asText("");
      return score.path("name").asText() + " = " + score.path("value") + " ("
          + score.path("dataType").asText() + ") on " + (on.isEmpty() ? "the trace" : names.getOrDefault(on, on));
    } catch (IOException e) {
      return "(unreadable score body)";
    }
  }

  private static String hex(Span span) {
    return HexFormat.of().formatHex(span.getSpanId().toByteArray());
  }

  private static AnyValue attribute(Span span, String key) {
    for (KeyValue attribute : span.getAttributesList()) {
      if (attribute.getKey().equals(key)) {
        return attribute.getValue();
      }
    }
    return null;
  }

  private static String text(Span span, String key) {
    AnyValue value = attribute(span, key);
    return value == null ? "" : value.getStringValue();
  }

  @Override
  public void close() {
    if (receiver != null) {
      receiver.close();
    }
  }
}
