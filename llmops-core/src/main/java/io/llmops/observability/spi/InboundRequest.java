package io.llmops.observability.spi;

import org.jspecify.annotations.Nullable;

/**
 * What an inbound HTTP filter tells {@link InboundHttp} about the request it is serving: a view
 * over the framework's own request object. Called on the thread that starts the request's trace,
 * before the handler runs; implementations must not throw (a failure only means the value is
 * missing).
 */
public interface InboundRequest {

  /** The request method, {@code GET} say. */
  String method();

  /** The path, without the query string. */
  String path();

  /** The route template that matched ({@code /users/{id}}), or null when not known yet. */
  default @Nullable String route() {
    return null;
  }

  /** The names of the request's headers. */
  Iterable<String> headerNames();

  /** Every value of the header {@code name} (any case), or null or nothing when absent. */
  @Nullable Iterable<String> headerValues(String name);

  /** The client's address as the server saw it, or null. */
  @Nullable String clientAddress();
}
