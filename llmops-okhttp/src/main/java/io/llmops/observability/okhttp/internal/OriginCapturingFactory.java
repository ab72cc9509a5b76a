package io.llmops.observability.okhttp.internal;

import okhttp3.Call;
import okhttp3.EventListener;

/**
 * Stands in front of the application's event listener factory: OkHttp asks it for a listener in
 * {@code newCall}, on the thread making the call, which is where the trace context of an
 * enqueued call can be noted ({@link CallOrigins}). It hands back the application's listener
 * itself, so every event (of any OkHttp version) reaches it as before.
 */
final class OriginCapturingFactory implements EventListener.Factory {

  private final EventListener.Factory delegate;

  private OriginCapturingFactory(EventListener.Factory delegate) {
    this.delegate = delegate;
  }

  /** {@code delegate} with the capture in front, once. */
  static EventListener.Factory before(EventListener.Factory delegate) {
    return delegate instanceof OriginCapturingFactory ? delegate
        : new OriginCapturingFactory(delegate);
  }

  @Override
  public EventListener create(Call call) {
    CallOrigins.remember(call);
    return delegate.create(call);
  }
}
