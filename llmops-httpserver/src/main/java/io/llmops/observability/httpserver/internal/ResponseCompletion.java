package io.llmops.observability.httpserver.internal;

import io.llmops.observability.spi.TracedRequest;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Ends a request's trace once both its handler has returned and its response is complete, in
 * either order and on either thread: a response completed inside the handler waits for the
 * handler's own spans, and one completed later (streamed, handed to another thread) is waited
 * for.
 */
public final class ResponseCompletion {

  private static final int HANDLER_RETURNED = 1;
  private static final int RESPONSE_COMPLETED = 2;
  private static final int BOTH = HANDLER_RETURNED | RESPONSE_COMPLETED;

  private final TracedRequest traced;
  private final AtomicInteger seen = new AtomicInteger();

  public ResponseCompletion(TracedRequest traced) {
    this.traced = traced;
  }

  /** The request's trace. */
  public TracedRequest traced() {
    return traced;
  }

  /** The handler returned (or threw) on the filter's thread. */
  public void handlerReturned() {
    record(HANDLER_RETURNED);
  }

  /** The response is complete; later calls do nothing. */
  public void responseCompleted() {
    record(RESPONSE_COMPLETED);
  }

  private void record(int event) {
    int before = seen.getAndUpdate(current -> current | event);
    if ((before | event) == BOTH && before != BOTH) {
      traced.end();
    }
  }
}
