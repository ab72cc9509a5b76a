package io.llmops.observability.okhttp.internal;

import io.llmops.observability.spi.OutboundCall;
import java.io.IOException;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.Buffer;

/**
 * Body previews, only when the call {@linkplain OutboundCall#previewsBodies() asks} and only from
 * bodies that can be read without the application noticing: a request body that can be written
 * again (not one-shot, not duplex) of a known small length, and the first bytes of a response
 * body of known length, peeked (they stay buffered for the application). Never a streamed body
 * (unknown length, {@code text/event-stream}) nor a binary one.
 */
final class BodyPreviews {

  /** The largest request body written a second time for its preview. */
  static final long MAX_REQUEST_BODY = 256 * 1024;

  private BodyPreviews() {}

  static void request(OutboundCall call, Request request) {
    RequestBody body = request.body();
    if (!call.previewsBodies() || body == null || body.isOneShot() || body.isDuplex()) {
      return;
    }
    try {
      MediaType type = body.contentType();
      long length = body.contentLength();
      if (type == null || !call.previewsBody(type.toString()) || length <= 0
          || length > MAX_REQUEST_BODY) {
        return;
      }
      Buffer copy = new Buffer();
      body.writeTo(copy);
      int kept = (int) Math.min(copy.size(), call.previewBytes());
      call.requestBody(type.toString(), copy.readByteArray(kept), kept);
    } catch (IOException | RuntimeException | LinkageError e) {
      TracingInterceptor.failed(e);
    }
  }

  static void response(OutboundCall call, Response response) {
    ResponseBody body = response.body();
    if (!call.previewsBodies() || body == null) {
      return;
    }
    try {
      MediaType type = body.contentType();
      long length = body.contentLength();
      if (type == null || !call.previewsBody(type.toString()) || length <= 0) {
        return;
      }
      byte[] bytes = response.peekBody(Math.min(length, call.previewBytes())).bytes();
      call.responseBody(type.toString(), bytes, bytes.length);
    } catch (IOException | RuntimeException | LinkageError e) {
      TracingInterceptor.failed(e);
    }
  }
}
