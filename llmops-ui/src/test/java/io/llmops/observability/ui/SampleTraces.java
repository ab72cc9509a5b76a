package io.llmops.observability.ui;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.llmops.observability.processor.DecodeLimits;
import io.llmops.observability.processor.MessageDecoder;
import io.llmops.observability.processor.TraceMerger;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.zip.GZIPOutputStream;

/** Wire-format traces (docs/WIRE_FORMAT.md) for tests, and the files each ingest path reads. */
public final class SampleTraces {

  public static final ObjectMapper JSON = new ObjectMapper();

  private SampleTraces() {}

  /**
   * A support-bot trace: an agent root, a generation under it (model, usage, cost, prompt,
   * response, tool calls), a tool, and an evaluation of the generation. With {@code failed}, the
   * tool span failed.
   */
  public static ObjectNode supportTrace(String name, String user, double startEpochSeconds, String model,
      boolean failed) {
    String traceId = UUID.randomUUID().toString();
    ObjectNode trace = JSON.createObjectNode();
    trace.put("trace_id", traceId);
    trace.put("trace_name", name);
    trace.put("project_id", "support-bot");
    trace.put("environment", "dev");
    trace.put("user_id", user);
    trace.put("session_id", "session-" + user);
    trace.put("start_time", startEpochSeconds);
    trace.put("end_time", startEpochSeconds + 1.5);
    trace.put("duration_ms", 1500);
    trace.put("trace_input", "How do I reset my password?");
    trace.put("trace_output", "Open settings and choose reset.");
    trace.putObject("token_usage").put("total_input_tokens", 120).put("total_output_tokens", 40).put("total_tokens", 160);
    trace.putObject("cost").put("total_cost", 0.0042);
    trace.putObject("metadata").put("release", "1.2.3");
    trace.putArray("tags").add("support").add("beta");
    trace.put("sdk_name", "llmops-observability-java");
    trace.put("sdk_version", "0.1.0");
    trace.put("idempotency_key", "0123456789abcdef0123456789abcdef");
    trace.put("is_child_segment", false);
    trace.put("has_external_segments", false);
    ArrayNode spans = trace.putArray("spans");
    String root = UUID.randomUUID().toString();
    String generation = UUID.randomUUID().toString();
    ObjectNode gen = span(spans, generation, root, "answer", "generation", startEpochSeconds + 0.1, 0.9, false);
    gen.put("model_id", model);
    gen.putObject("usage").put("input_tokens", 120).put("output_tokens", 40).put("total_tokens", 160);
    gen.putObject("cost").put("input_cost", 0.003).put("output_cost", 0.0012).put("total_cost", 0.0042);
    gen.put("prompt", "You are a helpful assistant. How do I reset my password?");
    gen.put("response", "Open settings and choose reset.");
    ObjectNode call = ((ObjectNode) gen.get("metadata")).putArray("llm.tool_calls").addObject();
    call.put("id", "call_1").put("name", "lookup_account").put("arguments", "{\"user\":\"" + user + "\"}");
    span(spans, UUID.randomUUID().toString(), root, "lookup_account", "tool", startEpochSeconds + 1.0, 0.3, failed);
    ObjectNode evaluation = span(spans, UUID.randomUUID().toString(), generation, "helpfulness", "evaluation",
        startEpochSeconds + 1.4, 0.0, false);
    ((ObjectNode) evaluation.get("input_data")).putObject("evaluation").put("name", "helpfulness").put("score", 0.8)
        .putNull("label").put("rationale", "clear").put("evaluated_span_id", generation);
    span(spans, root, null, "support-agent", "agent", startEpochSeconds, 1.5, false);
    trace.put("total_spans", spans.size());
    trace.put("total_generations", 1);
    return trace;
  }

  private static ObjectNode span(ArrayNode spans, String id, String parent, String name, String type, double start,
      double seconds, boolean failed) {
    ObjectNode span = spans.addObject();
    span.put("span_id", id);
    span.put("span_name", name);
    span.put("span_type", type);
    span.put("parent_span_id", parent);
    span.put("start_time", start);
    span.put("end_time", start + seconds);
    span.put("duration_ms", Math.round(seconds * 1000));
    span.putObject("input_data").putArray("args").add("arg of " + name);
    span.putObject("output_data").put("output", "result of " + name);
    span.put("error", failed ? "java.io.IOException: account service down" : null);
    span.putNull("model_id");
    span.put("status", failed ? "error" : "success");
    span.put("status_message", failed ? "account service down" : null);
    span.put("level", failed ? "ERROR" : "DEFAULT");
    span.putObject("metadata").put("environment", "dev").put("project_id", "support-bot");
    span.putArray("tags");
    span.putNull("usage");
    span.putNull("cost");
    span.putNull("prompt");
    span.putNull("response");
    span.put("idempotency_key", "fedcba9876543210fedcba9876543210");
    return span;
  }

  /** The SDK's message body for {@code trace}: gzip, base64, the wrapper (WIRE_FORMAT.md §1). */
  public static String message(ObjectNode trace) throws IOException {
    ByteArrayOutputStream gzip = new ByteArrayOutputStream();
    try (GZIPOutputStream out = new GZIPOutputStream(gzip)) {
      out.write(JSON.writeValueAsBytes(trace));
    }
    ObjectNode wrapper = JSON.createObjectNode();
    wrapper.put("compressed", true);
    wrapper.put("data", Base64.getEncoder().encodeToString(gzip.toByteArray()));
    wrapper.put("trace_id", trace.get("trace_id").asText());
    wrapper.put("type", "SDKTraceData");
    return JSON.writeValueAsString(wrapper);
  }

  /** Appends {@code trace} as one line to the file sink's file in {@code folder}. */
  public static void appendToFileSink(Path folder, ObjectNode trace) throws IOException {
    Files.createDirectories(folder);
    Files.writeString(folder.resolve("traces-2026-12-05.jsonl"), message(trace) + "\n", StandardCharsets.UTF_8,
        StandardOpenOption.CREATE, StandardOpenOption.APPEND);
  }

  /** Writes {@code trace} where the processor's local mode puts it under {@code folder}. */
  public static Path writeAsProcessor(Path folder, ObjectNode trace) throws IOException {
    Path file = folder.resolve("traces/support-bot/dev/2026/12/05/" + trace.get("trace_id").asText() + ".json");
    Files.createDirectories(file.getParent());
    Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
    Files.write(temporary, JSON.writeValueAsBytes(trace));
    Files.move(temporary, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    return file;
  }

  /**
   * A child segment of {@code parent} recorded by the service {@code service}: one generation,
   * {@code charge-card}, under the span whose W3C id is {@code callerW3cId}.
   */
  private static ObjectNode childSegment(ObjectNode parent, String callerW3cId, String service) {
    ObjectNode child = parent.deepCopy();
    child.put("is_child_segment", true);
    child.put("segment_id", "segment-1");
    child.put("project_id", service);
    ArrayNode spans = child.putArray("spans");
    ObjectNode span = parent.get("spans").get(2).deepCopy();
    span.put("span_id", UUID.randomUUID().toString());
    span.put("span_name", "charge-card");
    span.put("parent_span_id", callerW3cId);
    ((ObjectNode) span.get("metadata")).put("project_id", service);
    spans.add(span);
    return child;
  }

  /** A child segment of {@code parent} from {@code service} under its second span ({@code lookup_account}). */
  public static ObjectNode childSegmentUnderTheTool(ObjectNode parent, String service) {
    return childSegment(parent, parent.get("spans").get(1).get("span_id").asText().replace("-", "").substring(0, 16), service);
  }

  /** {@code parent} with {@code child} merged as the processor merges them. */
  public static ObjectNode mergedByProcessor(ObjectNode parent, ObjectNode child) throws IOException {
    MessageDecoder decoder = new MessageDecoder(DecodeLimits.defaults());
    return TraceMerger.merge(decoder.decode(JSON.writeValueAsString(parent)).trace(),
        List.of(decoder.decode(JSON.writeValueAsString(child)).trace())).trace();
  }
}
