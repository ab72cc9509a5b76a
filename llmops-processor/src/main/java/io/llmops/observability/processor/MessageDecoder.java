package io.llmops.observability.processor;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.llmops.observability.processor.internal.BoundedGunzip;
import io.llmops.observability.processor.internal.TraceShape;
import java.io.IOException;
import java.util.Base64;

/**
 * Decodes SQS message bodies of this SDK and of the Python SDK (docs/WIRE_FORMAT.md §1): a
 * wrapper whose {@code data} is base64 of gzip of the trace when {@code compressed} is true,
 * otherwise the trace itself. Every step is bounded by {@link DecodeLimits}; no input makes it
 * throw. Thread-safe.
 */
public final class MessageDecoder {

  private static final String TYPE_TRACE = "trace";
  private static final String TYPE_SDK_TRACE_DATA = "SDKTraceData";

  private final DecodeLimits limits;
  private final ObjectMapper json;

  /** A decoder with these limits. */
  public MessageDecoder(DecodeLimits limits) {
    if (limits == null) {
      throw new IllegalArgumentException("limits must not be null");
    }
    this.limits = limits;
    StreamReadConstraints constraints = StreamReadConstraints.builder()
        .maxNestingDepth(limits.maxNestingDepth())
        .maxStringLength(limits.maxStringChars())
        .build();
    // Trailing text and repeated keys would let two readers see two different traces.
    this.json = new ObjectMapper(JsonFactory.builder()
        .streamReadConstraints(constraints)
        .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
        .build())
        .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
  }

  /** The limits it decodes within. */
  public DecodeLimits limits() {
    return limits;
  }

  /** The body's trace, or why there is none. */
  public DecodeResult decode(String body) {
    if (body == null) {
      return DecodeResult.rejected(RejectionReason.NOT_A_TRACE, "no body");
    }
    if (body.length() > limits.maxBodyChars()) {
      return DecodeResult.rejected(RejectionReason.BODY_TOO_LARGE,
          "body of " + body.length() + " chars, limit " + limits.maxBodyChars());
    }
    try {
      JsonNode wrapper = json.readTree(body);
      if (wrapper == null || !wrapper.isObject()) {
        return DecodeResult.rejected(RejectionReason.NOT_A_TRACE, "the body is not a JSON object");
      }
      JsonNode type = wrapper.get("type");
      if (type != null && !type.isNull()
          && !(TYPE_TRACE.equals(type.asText()) || TYPE_SDK_TRACE_DATA.equals(type.asText()))) {
        return DecodeResult.rejected(RejectionReason.UNKNOWN_TYPE, "type is not trace or SDKTraceData");
      }
      return wrapper.path("compressed").asBoolean(false)
          ? decompressed(wrapper)
          : checked(wrapper.path("data").isObject() ? wrapper.get("data") : wrapper, wrapper);
    } catch (StreamConstraintsException e) {
      return overLimit(e, "body");
    } catch (JsonProcessingException e) {
      return badJson(e, "body");
    }
  }

  private DecodeResult decompressed(JsonNode wrapper) {
    JsonNode data = wrapper.get("data");
    if (data == null || !data.isTextual()) {
      return DecodeResult.rejected(RejectionReason.NOT_A_TRACE, "compressed, but data is not a string");
    }
    byte[] gzip;
    try {
      gzip = Base64.getDecoder().decode(data.asText());
    } catch (IllegalArgumentException e) {
      return DecodeResult.rejected(RejectionReason.BAD_BASE64, "data is not standard base64");
    }
    byte[] traceJson;
    try {
      traceJson = BoundedGunzip.inflate(gzip, limits.maxDecompressedBytes());
    } catch (BoundedGunzip.TooLarge e) {
      return DecodeResult.rejected(RejectionReason.DECOMPRESSED_TOO_LARGE,
          "data inflates beyond " + limits.maxDecompressedBytes() + " bytes");
    } catch (IOException e) {
      return DecodeResult.rejected(RejectionReason.BAD_GZIP, "data is not complete gzip");
    }
    try {
      return checked(json.readTree(traceJson), wrapper);
    } catch (StreamConstraintsException e) {
      return overLimit(e, "trace");
    } catch (JsonProcessingException e) {
      return badJson(e, "trace");
    } catch (IOException e) {
      return DecodeResult.rejected(RejectionReason.BAD_JSON, "trace unreadable");
    }
  }

  private static DecodeResult checked(JsonNode trace, JsonNode wrapper) {
    String defect = TraceShape.defect(trace);
    if (defect != null) {
      return DecodeResult.rejected(RejectionReason.NOT_A_TRACE, defect);
    }
    JsonNode routedAs = wrapper == trace ? null : wrapper.get("trace_id");
    String traceId = trace.get("trace_id").asText();
    if (routedAs != null && !routedAs.isNull() && !traceId.equals(routedAs.asText())) {
      return DecodeResult.rejected(RejectionReason.NOT_A_TRACE,
          "the wrapper's trace_id differs from the trace's");
    }
    ObjectNode tree = (ObjectNode) trace;
    TraceShape.normalize(tree);
    boolean child = tree.path("is_child_segment").asBoolean(false);
    return DecodeResult.of(new DecodedTrace(
        traceId,
        child ? tree.get("segment_id").asText() : null,
        child,
        tree.path("has_external_segments").asBoolean(false),
        tree));
  }

  /** Jackson names the limit in its message; the message's content is never part of it. */
  private DecodeResult overLimit(StreamConstraintsException e, String where) {
    String message = String.valueOf(e.getOriginalMessage());
    if (message.contains("depth")) {
      return DecodeResult.rejected(RejectionReason.TOO_DEEP,
          where + " nested deeper than " + limits.maxNestingDepth());
    }
    if (message.contains("String value length")) {
      return DecodeResult.rejected(RejectionReason.STRING_TOO_LONG,
          where + " holds a string longer than " + limits.maxStringChars() + " chars");
    }
    return DecodeResult.rejected(RejectionReason.BAD_JSON, where + " over a JSON read limit");
  }

  /** Jackson's own message may quote the input: only the location is kept. */
  private static DecodeResult badJson(JsonProcessingException e, String where) {
    var location = e.getLocation();
    String at = location == null ? "" : " at line " + location.getLineNr() + ", column " + location.getColumnNr();
    return DecodeResult.rejected(RejectionReason.BAD_JSON, where + " is not valid JSON" + at);
  }
}
