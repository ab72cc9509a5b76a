package io.llmops.observability.apache.hc5.internal;

import io.llmops.observability.spi.OutboundCall;
import io.llmops.observability.spi.SdkCounters;
import io.llmops.observability.spi.SdkLog;
import java.io.IOException;
import java.io.InputStream;
import org.apache.hc.core5.http.HttpEntity;
import org.jspecify.annotations.Nullable;

/**
 * Body previews of classic entities, taken only from entities that can be read again without
 * the application noticing: repeatable, not streaming, of a known length (a string, byte array
 * or buffered entity). A streamed body, the response a connection delivers, is never read.
 */
final class EntityPreviews {

  /** Previews that failed to read (the call is recorded without them). */
  static final String COUNTER_FAILED = "http.client.preview_failed";

  private EntityPreviews() {}

  static void request(OutboundCall call, @Nullable HttpEntity entity) {
    byte[] head = head(call, entity);
    if (head != null && entity != null) {
      call.requestBody(entity.getContentType(), head, head.length);
    }
  }

  static void response(OutboundCall call, @Nullable HttpEntity entity) {
    byte[] head = head(call, entity);
    if (head != null && entity != null) {
      call.responseBody(entity.getContentType(), head, head.length);
    }
  }

  private static byte @Nullable [] head(OutboundCall call, @Nullable HttpEntity entity) {
    if (!call.previewsBodies() || entity == null) {
      return null;
    }
    try {
      if (!entity.isRepeatable() || entity.isStreaming() || entity.getContentLength() <= 0) {
        return null;
      }
      try (InputStream content = entity.getContent()) {
        return content.readNBytes(call.previewBytes());
      }
    } catch (IOException | RuntimeException e) {
      SdkCounters.increment(COUNTER_FAILED);
      SdkLog.warnOnce("hc5-preview", "llmops: a body preview of an Apache HttpClient 5 call could "
          + "not be read (" + e.getClass().getName() + "); the call is recorded without it");
      return null;
    }
  }
}
