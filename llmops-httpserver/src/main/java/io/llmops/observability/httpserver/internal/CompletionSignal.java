package io.llmops.observability.httpserver.internal;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;

/**
 * What completes an exchange's response, as both exchange wrappers see it: headers sent for a
 * response that has no body, the body closed, or the exchange closed. The JDK finishes a
 * response without a body as soon as its headers are sent: a length of -1, a HEAD request, or a
 * 1xx, 204 or 304 status.
 */
final class CompletionSignal {

  private final HttpExchange exchange;
  private final ResponseCompletion completion;

  CompletionSignal(HttpExchange exchange, ResponseCompletion completion) {
    this.exchange = exchange;
    this.completion = completion;
  }

  void sendResponseHeaders(int code, long length) throws IOException {
    completion.traced().status(code);
    exchange.sendResponseHeaders(code, length);
    if (length == -1 || (code >= 100 && code < 200) || code == 204 || code == 304
        || "HEAD".equalsIgnoreCase(exchange.getRequestMethod())) {
      completion.responseCompleted();
    }
  }

  OutputStream responseBody() {
    return new BodyStream(exchange.getResponseBody(), completion);
  }

  void close() {
    try {
      exchange.close();
    } finally {
      completion.responseCompleted();
    }
  }

  /** The response body: closing it completes the response. */
  private static final class BodyStream extends OutputStream {

    private final OutputStream body;
    private final ResponseCompletion completion;

    BodyStream(OutputStream body, ResponseCompletion completion) {
      this.body = body;
      this.completion = completion;
    }

    @Override
    public void write(int b) throws IOException {
      body.write(b);
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
      body.write(bytes, offset, length);
    }

    @Override
    public void flush() throws IOException {
      body.flush();
    }

    @Override
    public void close() throws IOException {
      try {
        body.close();
      } finally {
        completion.responseCompleted();
      }
    }
  }
}
