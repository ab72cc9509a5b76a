package io.llmops.observability.spi;

import io.llmops.observability.HttpClientLibrary;
import java.util.function.BiConsumer;

/**
 * An outbound HTTP request as a client integration sees it, for {@link OutboundHttp#start}: read
 * once, on the calling thread, before the request is sent.
 */
public interface OutboundRequest extends HeaderSource {

  /** The library making the call. */
  HttpClientLibrary library();

  /** Whether the caller's thread goes on while the call runs ({@code http.call_mode: async}). */
  boolean async();

  /** The method, {@code GET}, {@code POST}, ... */
  String method();

  /** The absolute URL, as the application wrote it (redacted before it is recorded). */
  String url();

  /** The request headers; none unless overridden. */
  @Override
  default void forEachHeader(BiConsumer<String, String> action) {}
}
