package io.llmops.observability.ui.internal;

import com.google.protobuf.InvalidProtocolBufferException;
import com.sun.net.httpserver.HttpExchange;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.sql.SQLException;
import java.util.Locale;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;
import org.jspecify.annotations.Nullable;

/**
 * {@code POST /v1/traces}: OTLP/HTTP with a protobuf {@code ExportTraceServiceRequest}, gzip or
 * not. The body is bounded before and after decompression ({@code 413} beyond); its spans are
 * joined to the stored traces ({@link OtlpSpans}, {@link SpanJoiner}). Access (Host, token) is
 * checked by the server before this runs. Thread-safe.
 */
public final class OtlpEndpoint {

  public static final String PATH = "/v1/traces";
  /** The largest request body, compressed or not: four times the SDK's default batch of 4 MiB. */
  public static final int MAX_BODY_BYTES = 16 << 20;
  private static final Logger LOG = Logger.getLogger(OtlpEndpoint.class.getName());

  private final TraceWriter writer;
  private final IngestCounters counters;

  public OtlpEndpoint(TraceWriter writer, IngestCounters counters) {
    this.writer = writer;
    this.counters = counters;
  }

  void handle(HttpExchange exchange) throws IOException {
    if (!"POST".equals(exchange.getRequestMethod())) {
      HttpExchanges.sendError(exchange, 405, "only POST");
      return;
    }
    String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
    if (contentType == null || !contentType.toLowerCase(Locale.ROOT).startsWith("application/x-protobuf")) {
      reject(exchange, 415, "unsupported_media_type", "Content-Type must be application/x-protobuf");
      return;
    }
    String encoding = exchange.getRequestHeaders().getFirst("Content-Encoding");
    boolean gzip = encoding != null && encoding.equalsIgnoreCase("gzip");
    if (encoding != null && !gzip && !encoding.equalsIgnoreCase("identity")) {
      reject(exchange, 415, "unsupported_encoding", "Content-Encoding must be gzip or identity");
      return;
    }
    byte[] body = readBounded(exchange.getRequestBody());
    try {
      if (body != null && gzip) {
        body = readBounded(new GZIPInputStream(new java.io.ByteArrayInputStream(body)));
      }
    } catch (ZipException | java.io.EOFException e) {
      reject(exchange, 400, "bad_gzip", "the body is not valid gzip");
      return;
    }
    if (body == null) {
      reject(exchange, 413, "too_large", "the body exceeds " + MAX_BODY_BYTES + " bytes");
      return;
    }
    store(exchange, body);
  }

  private void store(HttpExchange exchange, byte[] body) throws IOException {
    OtlpSpans.Result result;
    try {
      result = OtlpSpans.of(ExportTraceServiceRequest.parseFrom(body));
    } catch (InvalidProtocolBufferException e) {
      reject(exchange, 400, "bad_protobuf", "the body is not an ExportTraceServiceRequest");
      return;
    }
    if (result.skippedSpans() > 0) {
      counters.add("rejected.otlp_invalid_id", result.skippedSpans());
      LOG.log(Level.WARNING, "llmops-ui: " + result.skippedSpans()
          + " OTLP spans were not stored: a trace id of 16 bytes (not zero) and a span id of 8 are needed");
    }
    try {
      writer.joinSpans(result.traces());
    } catch (SQLException e) {
      counters.add("rejected.otlp_database", result.traces().size());
      LOG.log(Level.WARNING, "llmops-ui: OTLP spans of " + result.traces().size()
          + " traces were not stored: " + e.getClass().getSimpleName() + " (SQLite code " + e.getErrorCode() + ")");
      // 503: the exporter retries it, and the spans may be stored then.
      HttpExchanges.sendError(exchange, 503, "database write failed");
      return;
    }
    counters.add("stored.otlp_spans", result.traces().stream().mapToInt(t -> t.path("spans").size()).sum());
    // An empty ExportTraceServiceResponse: everything accepted.
    HttpExchanges.send(exchange, 200, "application/x-protobuf", new byte[0]);
  }

  private void reject(HttpExchange exchange, int status, String reason, String message) throws IOException {
    counters.add("rejected.otlp_" + reason, 1);
    LOG.log(Level.WARNING, "llmops-ui: an OTLP request was refused (" + status + "): " + message);
    HttpExchanges.sendError(exchange, status, message);
  }

  /** At most {@code MAX_BODY_BYTES} of {@code in}, or null when there is more. */
  private static byte @Nullable [] readBounded(InputStream in) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] buffer = new byte[65_536];
    int read;
    while ((read = in.read(buffer)) > 0) {
      if (out.size() + read > MAX_BODY_BYTES) {
        return null;
      }
      out.write(buffer, 0, read);
    }
    return out.toByteArray();
  }
}
