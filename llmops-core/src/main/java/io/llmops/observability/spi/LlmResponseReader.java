package io.llmops.observability.spi;

import io.llmops.observability.LlmResponse;
import org.jspecify.annotations.Nullable;

/**
 * Reads a model response of a type the SDK does not know (a typed SDK object, your own wrapper).
 * Implementations are found with {@link java.util.ServiceLoader}
 * ({@code META-INF/services/io.llmops.observability.spi.LlmResponseReader}) and asked, in class
 * path order, before the built-in readers; the first non-null answer wins. The same readers serve
 * {@code Span.recordLlmResponse}, {@code LlmResponse.read} and {@code @TrackLlmCall} return values.
 *
 * <p>Called on the thread that records the response: must be fast, must not block and should not
 * throw (an exception is logged once and the reader is skipped for that call).
 *
 * <p>Implementations must be thread-safe: one instance serves every application thread at once.
 */
public interface LlmResponseReader {

  /**
   * What this reader understood of {@code response} (never null itself), or null when it does not
   * know the type.
   */
  @Nullable LlmResponse read(Object response);
}
