package io.llmops.observability.internal.wire;

import static io.llmops.observability.internal.wire.WireFields.*;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.llmops.observability.SpanType;
import io.llmops.observability.internal.capture.Errors;
import io.llmops.observability.internal.capture.TruncatedText;
import io.llmops.observability.internal.common.Counters;
import io.llmops.observability.internal.model.SpanData;
import io.llmops.observability.internal.model.TraceData;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Writes a {@link TraceData} as the specification's trace JSON. Every string and object key
 * passes through the {@link Redactor}; the bounded fields (trace and span input/output, prompt,
 * response) are cut to their byte limits with a preview. Runs on the export worker only.
 * Internal.
 */
public final class TraceJsonWriter {

  private static final JsonFactory JSON = new JsonFactory();
  /** Writes bounded values one after another into the trace's buffer, with nothing between them. */
  private static final JsonFactory VALUES = new JsonFactory().setRootValueSeparator(null);
  private static final int PREVIEW_CHARS = 1_000;

  private final ExportText text;
  private final Counters counters;
  private final String sdkName;
  private final String sdkVersion;
  /** The size of the last trace written; a hint only, so unsynchronised. */
  private int lastSize;

  public TraceJsonWriter(Redactor redactor, Counters counters, String sdkName, String sdkVersion) {
    this.text = new ExportText(redactor, counters);
    this.counters = counters;
    this.sdkName = sdkName;
    this.sdkVersion = sdkVersion;
  }

  /** The trace JSON under {@code limits}, as UTF-8. */
  public byte[] write(TraceData trace, FieldLimits limits) {
    Buffer out = new Buffer(lastSize);
    try (JsonGenerator g = JSON.createGenerator(out, JsonEncoding.UTF8);
        JsonGenerator values = VALUES.createGenerator(out, JsonEncoding.UTF8)) {
      new Pass(g, values, out).writeTrace(trace, limits);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    lastSize = out.size();
    return out.toByteArray();
  }

  /** {@code value} redacted, then cut to {@code maxBytes} bytes of UTF-8; null stays null. */
  public String redactedPrefix(String value, int maxBytes) {
    return value == null ? null : Utf8.prefix(text.redact(value), maxBytes);
  }

  /** The output, which a bounded value too large for its limit is cut back from. */
  private static final class Buffer extends ByteArrayOutputStream {
    private static final int MAX_INITIAL_BYTES = 1 << 20;

    /**
     * Sized like the previous trace plus a margin (traces of one application are alike), but
     * never above 1 MiB up front, so one huge trace does not make every later one allocate as much.
     */
    Buffer(int previousSize) {
      super(Math.max(4_096, Math.min(MAX_INITIAL_BYTES, previousSize + previousSize / 4)));
    }

    void truncate(int size) {
      count = size;
    }

    /** At most {@code bytes} bytes from {@code from} as text (a character cut at the end is dropped later). */
    String text(int from, int bytes) {
      return new String(buf, from, Math.min(bytes, count - from), StandardCharsets.UTF_8);
    }
  }

  /**
   * One trace being written. Bounded values are written by a second generator straight into the
   * same buffer (both generators are flushed before the other writes), measured there and cut
   * back when they exceed their limit: no intermediate copy of every input and output.
   */
  private final class Pass {
    private final JsonGenerator g;
    private final JsonGenerator values;
    private final Buffer out;

    Pass(JsonGenerator g, JsonGenerator values, Buffer out) {
      this.g = g;
      this.values = values;
      this.out = out;
    }

    private void writeTrace(TraceData t, FieldLimits limits) throws IOException {
      List<SpanData> spans = t.spans();
      List<SpanData> kept = SpanSelection.keep(spans, limits.maxSpans());
      int written = kept.size();
      g.writeStartObject();
      string(TRACE_ID, t.traceId());
      string(TRACE_NAME, t.name());
      string(PROJECT_ID, t.projectId());
      string(ENVIRONMENT, t.environment());
      string(USER_ID, t.userId());
      string(SESSION_ID, t.sessionId());
      g.writeNumberField(START_TIME, seconds(t.startMicros()));
      g.writeNumberField(END_TIME, seconds(t.endMicros()));
      g.writeNumberField(DURATION_MS, millis(t.endMicros() - t.startMicros()));
      bounded(TRACE_INPUT, t.input(), limits.traceIo());
      bounded(TRACE_OUTPUT, t.output(), limits.traceIo());
      writeRollups(spans);

      g.writeArrayFieldStart(SPANS);
      int generations = 0;
      Map<String, ToolCallLinker.Link> toolLinks = ToolCallLinker.link(spans);
      for (SpanData span : kept) {
        if (span.type() == SpanType.GENERATION) {
          generations++;
        }
        writeSpan(t, span, toolLinks.get(span.spanId()), limits);
      }
      g.writeEndArray();

      Map<String, Object> added = new LinkedHashMap<>();
      if (limits.level() > 0) {
        Map<String, Object> truncation = new LinkedHashMap<>();
        truncation.put("level", limits.level());
        truncation.put("spans_dropped", spans.size() - written);
        added.put(LLMOPS_TRUNCATION, truncation);
      }
      if (t.openSpans() > 0) {
        added.put(LLMOPS_OPEN_SPANS, t.openSpans());
      }
      writeMetadata(added, t.metadata(), limits.traceIo());
      stringArray(TAGS, t.tags());
      g.writeNumberField(TOTAL_SPANS, written);
      g.writeNumberField(TOTAL_GENERATIONS, generations);
      string(SDK_NAME, sdkName);
      string(SDK_VERSION, sdkVersion);
      g.writeBooleanField(IS_CHILD_SEGMENT, t.segment().child());
      if (t.segment().child()) {
        string(SEGMENT_ID, t.segment().segmentId());
      }
      g.writeBooleanField(HAS_EXTERNAL_SEGMENTS, t.segment().hasExternalSegments());
      if (t.segment().externalSegmentsExpected() != null) {
        g.writeNumberField(EXTERNAL_SEGMENTS_EXPECTED, t.segment().externalSegmentsExpected());
      }
      string(IDEMPOTENCY_KEY, Idempotency.traceKey(t));
      g.writeEndObject();
    }

    private void writeRollups(List<SpanData> spans) throws IOException {
      long input = 0;
      long output = 0;
      long total = 0;
      double cost = 0;
      for (SpanData span : spans) {
        if (span.usage() != null) {
          input = WireNumbers.add(input, span.usage().inputTokens());
          output = WireNumbers.add(output, span.usage().outputTokens());
          total = WireNumbers.add(total, span.usage().totalTokens());
        }
        if (span.cost() != null) {
          cost = WireNumbers.add(cost, span.cost().totalCost());
        }
      }
      g.writeObjectFieldStart(TOKEN_USAGE);
      g.writeNumberField(TOTAL_INPUT_TOKENS, input);
      g.writeNumberField(TOTAL_OUTPUT_TOKENS, output);
      g.writeNumberField(TOTAL_TOKENS, total);
      g.writeEndObject();
      g.writeObjectFieldStart(COST);
      g.writeNumberField(TOTAL_COST, cost);
      g.writeEndObject();
    }

    private void writeSpan(TraceData t, SpanData s, ToolCallLinker.Link toolLink,
        FieldLimits limits) throws IOException {
      g.writeStartObject();
      string(SPAN_ID, s.spanId());
      string(SPAN_NAME, s.name());
      string(SPAN_TYPE, s.type().wireName());
      string(PARENT_SPAN_ID, s.parentSpanId());
      g.writeNumberField(START_TIME, seconds(s.startMicros()));
      g.writeNumberField(END_TIME, seconds(s.endMicros()));
      g.writeNumberField(DURATION_MS, millis(s.endMicros() - s.startMicros()));

      Map<String, Object> input = new LinkedHashMap<>();
      input.put(ARGS, s.args());
      input.put(KWARGS, s.kwargs());
      input.put(LOCALS, s.locals());
      if (s.self() != SpanData.ABSENT) {
        input.put(SELF, s.self());
      }
      s.inputSections().forEach(input::putIfAbsent);
      bounded(INPUT_DATA, input, limits.spanIo());
      Map<String, Object> output = new LinkedHashMap<>();
      output.put(OUTPUT, s.output());
      bounded(OUTPUT_DATA, output, limits.spanIo());

      ExportText.Redacted message = s.error() == null ? null : new ExportText.Redacted(
          text.cut(s.error().message(), Errors.MAX_MESSAGE_CHARS, "…"));
      writeRedacted(ERROR, s.error() == null ? null
          : message.text() == null || message.text().isEmpty() ? s.error().type()
          : s.error().type() + ": " + message.text());
      string(MODEL_ID, s.modelId());
      string(STATUS, s.failed() ? STATUS_ERROR : STATUS_SUCCESS);
      writeRedacted(STATUS_MESSAGE, text.cut(s.statusMessage(), Errors.MAX_MESSAGE_CHARS, "…"));
      string(LEVEL, s.level().name());

      Map<String, Object> injected = new LinkedHashMap<>();
      injected.put(ENVIRONMENT, t.environment());
      injected.put(PROJECT_ID, t.projectId());
      if (s.error() != null) {
        injected.put(EXCEPTION_TYPE, s.error().type());
        injected.put(EXCEPTION_MESSAGE, message);
        if (!s.error().stackTrace().isEmpty()) { // a failure reported as text has no stack
          injected.put(EXCEPTION_STACKTRACE, new ExportText.Redacted(text.cut(
              s.error().stackTrace(), Errors.MAX_TRACE_CHARS, "\n[stack trace truncated]")));
        }
      }
      if (toolLink != null) {
        if (toolLink.toolCallId() != null) {
          injected.put(LLM_TOOL_CALL_ID, toolLink.toolCallId());
        }
        injected.put(LLM_REQUESTED_BY_SPAN_ID, toolLink.generationSpanId());
      }
      writeMetadata(injected, s.metadata(), limits.spanIo());
      stringArray(TAGS, s.tags());

      if (s.usage() == null) {
        g.writeNullField(USAGE);
      } else {
        g.writeObjectFieldStart(USAGE);
        g.writeNumberField(INPUT_TOKENS, WireNumbers.count(s.usage().inputTokens()));
        g.writeNumberField(OUTPUT_TOKENS, WireNumbers.count(s.usage().outputTokens()));
        g.writeNumberField(TOTAL_TOKENS, WireNumbers.count(s.usage().totalTokens()));
        optionalCount(CACHE_READ_INPUT_TOKENS, s.usage().cacheReadTokens());
        optionalCount(CACHE_CREATION_INPUT_TOKENS, s.usage().cacheWriteTokens());
        optionalCount(REASONING_TOKENS, s.usage().reasoningTokens());
        g.writeEndObject();
      }
      if (s.cost() == null || !WireNumbers.isValid(s.cost())) {
        g.writeNullField(COST);
      } else {
        g.writeObjectFieldStart(COST);
        g.writeNumberField(INPUT_COST, s.cost().inputCost());
        g.writeNumberField(OUTPUT_COST, s.cost().outputCost());
        g.writeNumberField(TOTAL_COST, s.cost().totalCost());
        g.writeEndObject();
      }
      boundedText(PROMPT, s.prompt(), limits.promptResponse());
      boundedText(RESPONSE, s.response(), limits.promptResponse());
      string(IDEMPOTENCY_KEY, Idempotency.spanKey(t.traceId(), s.spanId()));
      g.writeEndObject();
    }

    private void optionalCount(String field, long value) throws IOException {
      if (value > 0) {
        g.writeNumberField(field, value);
      }
    }

    /**
     * Writes a metadata object: the SDK's own entries first, then the user's (a user key that
     * collides with an SDK key is skipped), each user value bounded by {@code limit}.
     */
    private void writeMetadata(Map<String, Object> sdk, Map<String, Object> user,
        int limit) throws IOException {
      g.writeObjectFieldStart(METADATA);
      for (Map.Entry<String, Object> entry : sdk.entrySet()) {
        g.writeFieldName(entry.getKey());
        value(g, entry.getValue());
      }
      Set<String> reserved = null;
      for (Map.Entry<String, Object> entry : user.entrySet()) {
        String key = entry.getKey();
        if (sdk.containsKey(key)) {
          continue;
        }
        String field = text.key(key);
        if (!field.equals(key)) {
          // a key changed by redaction or cutting must not collide with another key
          if (reserved == null) {
            reserved = new HashSet<>(sdk.keySet());
            reserved.addAll(user.keySet());
          }
          field = unique(field, reserved);
        }
        if (text.isSensitiveKey(key)) {
          g.writeStringField(field, Redactor.MASK);
        } else {
          bounded(field, entry.getValue(), limit);
        }
      }
      g.writeEndObject();
    }

    /** Writes {@code value} whole when its JSON fits {@code limit} bytes, else a truncation marker. */
    private void bounded(String field, Object value, int limit) throws IOException {
      g.writeFieldName(field);
      if (value == null) {
        g.writeNull();
        return;
      }
      g.writeRawValue(""); // the separator; the value itself comes from the second generator
      g.flush();
      int start = out.size();
      value(values, value);
      values.flush();
      int size = out.size() - start;
      if (size <= limit) {
        return;
      }
      counters.increment(Counters.MESSAGES_TRUNCATED);
      int previewBytes = Math.max(64, Math.min(PREVIEW_CHARS, limit / 4));
      String preview = Utf8.prefix(out.text(start, previewBytes + 4), previewBytes);
      out.truncate(start);
      values.writeStartObject();
      values.writeBooleanField(TRUNCATED, true);
      values.writeNumberField(ORIGINAL_SIZE_BYTES, size);
      values.writeStringField(PREVIEW, preview);
      values.writeEndObject();
      values.flush();
    }

    /** Writes a text field, cut to {@code limit} UTF-8 bytes with a note of its original size. */
    private void boundedText(String field, Object value, int limit)
        throws IOException {
      String exported = value == null ? null : text.text(value);
      if (exported == null) {
        g.writeNullField(field);
        return;
      }
      int size = Utf8.length(exported);
      if (size <= limit) {
        g.writeStringField(field, exported);
        return;
      }
      counters.increment(Counters.MESSAGES_TRUNCATED);
      // a string already cut at capture reports its original length, in characters
      String note = value instanceof TruncatedText t
          ? t.note()
          : "…[truncated: " + size + " bytes]";
      g.writeStringField(field, Utf8.prefix(exported, Math.max(0, limit - note.length() - 4)) + note);
    }
    private void string(String field, String value) throws IOException {
      writeRedacted(field, value == null ? null : text.redact(value));
    }

    private void writeRedacted(String field, String redacted) throws IOException {
      if (redacted == null) {
        g.writeNullField(field);
      } else {
        g.writeStringField(field, redacted);
      }
    }

    private void stringArray(String field, List<String> items) throws IOException {
      g.writeArrayFieldStart(field);
      for (String value : items) {
        g.writeString(text.redact(value));
      }
      g.writeEndArray();
    }
  }

  /** Writes a captured value tree. */
  private void value(JsonGenerator g, Object v) throws IOException {
    if (v == null) {
      g.writeNull();
    } else if (v instanceof String s) {
      g.writeString(text.redact(s));
    } else if (v instanceof ExportText.Redacted r) {
      g.writeString(r.text());
    } else if (v instanceof Boolean b) {
      g.writeBoolean(b);
    } else if (v instanceof Integer || v instanceof Long || v instanceof Short || v instanceof Byte) {
      g.writeNumber(((Number) v).longValue());
    } else if (v instanceof Double || v instanceof Float) {
      double d = ((Number) v).doubleValue();
      if (Double.isFinite(d)) {
        g.writeNumber(d);
      } else {
        g.writeString(Double.toString(d)); // JSON has no NaN or Infinity
      }
    } else if (v instanceof BigDecimal d) {
      g.writeNumber(d);
    } else if (v instanceof BigInteger i) {
      g.writeNumber(i);
    } else if (v instanceof Map<?, ?> map) {
      g.writeStartObject();
      Set<String> reserved = null;
      for (Map.Entry<?, ?> entry : map.entrySet()) {
        String key = String.valueOf(entry.getKey());
        String field = text.key(key);
        if (!field.equals(key)) {
          // a key changed by redaction or cutting must not collide with another key
          if (reserved == null) {
            reserved = new HashSet<>();
            for (Object other : map.keySet()) {
              reserved.add(String.valueOf(other));
            }
          }
          field = unique(field, reserved);
        }
        if (text.isSensitiveKey(key)) {
          g.writeStringField(field, Redactor.MASK);
        } else {
          g.writeFieldName(field);
          value(g, entry.getValue());
        }
      }
      g.writeEndObject();
    } else if (v instanceof List<?> list) {
      g.writeStartArray();
      for (Object element : text.maskSecretElements(list)) {
        value(g, element);
      }
      g.writeEndArray();
    } else {
      g.writeString(text.text(v));
    }
  }

  /** {@code field}, or {@code field#2}, {@code field#3}... when already reserved; then reserved. */
  private static String unique(String field, Set<String> reserved) {
    String candidate = field;
    for (int n = 2; !reserved.add(candidate); n++) {
      candidate = field + "#" + n;
    }
    return candidate;
  }

  private static double seconds(long micros) {
    return micros / 1_000_000d;
  }

  private static long millis(long micros) {
    return Math.round(micros / 1_000d);
  }
}
