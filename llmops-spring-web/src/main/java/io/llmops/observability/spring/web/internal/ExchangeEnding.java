package io.llmops.observability.spring.web.internal;

import io.llmops.observability.spi.OutboundCall;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.springframework.web.reactive.function.client.ClientResponse;

/**
 * Ends a {@code WebClient} call at its first terminal signal: the response (its status and
 * headers; its body stays the application's), an error, or a cancellation. Internal.
 */
public final class ExchangeEnding {

  private final OutboundCall call;
  private final AtomicBoolean over = new AtomicBoolean();

  public ExchangeEnding(OutboundCall call) {
    this.call = call;
  }

  public void answered(ClientResponse response) {
    if (over.compareAndSet(false, true)) {
      try {
        call.response(response.statusCode().value(),
            SpringHeaders.of(response.headers().asHttpHeaders()));
      } catch (RuntimeException | LinkageError e) {
        RecordingFailure.count("spring-webclient-response", e);
      }
      call.end();
    }
  }

  /** The exchange completed without a response (a filter further down gave none). */
  public void completed() {
    if (over.compareAndSet(false, true)) {
      call.end();
    }
  }

  public void failed(Throwable error) {
    if (over.compareAndSet(false, true)) {
      call.failed(error);
      call.end();
    }
  }

  public void cancelled() {
    failed(new CancellationException("the call was cancelled before its response"));
  }
}
