package io.llmops.observability.internal.wire;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import io.llmops.observability.export.TraceMessage;
import io.llmops.observability.internal.common.Counters;
import io.llmops.observability.internal.model.TraceData;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * Turns a trace into the SQS message body: trace JSON, gzip, base64, wrapper. When the body
 * would exceed the message limit, the trace is written again under tighter field limits, then
 * with fewer spans, until it fits; as a last resort only the trace's identity is sent. No message
 * ever exceeds the limit. Internal.
 */
public final class MessageEncoder {

  private final TraceJsonWriter writer;
  private final FieldLimits limits;
  private final int maxMessageBytes;
  private final Counters counters;

  public MessageEncoder(TraceJsonWriter writer, FieldLimits limits, int maxMessageBytes,
      Counters counters) {
    this.writer = writer;
    this.limits = limits;
    this.maxMessageBytes = maxMessageBytes;
    this.counters = counters;
  }

  public TraceMessage encode(TraceData trace) {
    FieldLimits attempt = limits;
    while (true) {
      TraceMessage message = tryEncode(trace, attempt);
      if (message.bodySize() <= maxMessageBytes) {
        return message;
      }
      if (attempt.level() >= 2 && attempt.maxSpans() == 0) {
        break;
      }
      attempt = attempt.tighter(trace.spans().size());
    }
    // Identity only: bounded identity strings (redacted before they are cut), no
    // input/output/metadata/tags, no spans written (they stay in the data so the roll-ups,
    // spans_dropped and idempotency key remain true).
    TraceData identityOnly = new TraceData(trace.traceId(), cut(trace.name()),
        cut(trace.projectId()), cut(trace.environment()), cut(trace.userId()),
        cut(trace.sessionId()), trace.startMicros(), trace.endMicros(), null, null, Map.of(),
        List.of(), trace.spans(), trace.openSpans(), trace.capturedChars(), trace.segment());
    return tryEncode(identityOnly, new FieldLimits(IDENTITY_BYTES, IDENTITY_BYTES,
        IDENTITY_BYTES, 0, attempt.level() + 1));
  }

  private static final int IDENTITY_BYTES = 256;

  private String cut(String text) {
    return writer.redactedPrefix(text, IDENTITY_BYTES);
  }

  private TraceMessage tryEncode(TraceData trace, FieldLimits attempt) {
    byte[] json = writer.write(trace, attempt);
    String body = wrapper(trace.traceId(), Base64.getEncoder().encodeToString(gzip(json)));
    counters.increment(Counters.MESSAGES_ENCODED);
    int spans = Math.min(trace.spans().size(), attempt.maxSpans());
    return new TraceMessage(trace.traceId(), WireFields.TYPE_TRACE, body,
        Idempotency.traceKey(trace), json, spans);
  }

  /** The specification's wrapper, with keys in its order. */
  static String wrapper(String traceId, String base64) {
    StringBuilder out = new StringBuilder(base64.length() + 128);
    out.append("{\"").append(WireFields.COMPRESSED).append("\":true,\"")
        .append(WireFields.DATA).append("\":\"").append(base64).append("\",\"")
        .append(WireFields.TRACE_ID).append("\":\"");
    JsonStringEncoder.getInstance().quoteAsString(traceId, out);
    out.append("\",\"").append(WireFields.TYPE).append("\":\"").append(WireFields.TYPE_TRACE)
        .append("\"}");
    return out.toString();
  }

  /** The gzip stream of {@code json} as the message carries it. */
  public static byte[] gzip(byte[] json) {
    return Gzip.compress(json);
  }
}
