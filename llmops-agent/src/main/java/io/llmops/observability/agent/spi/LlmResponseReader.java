package io.llmops.observability.agent.spi;

/**
 * Reads the response text and token usage out of what a {@code @TrackLlmCall} method returned
 * (or what its future completed with). Implementations are found with {@link
 * java.util.ServiceLoader} ({@code META-INF/services/io.llmops.observability.agent.spi.LlmResponseReader})
 * and asked before the built-in readers, which understand strings and maps with a {@code usage}
 * entry. The first reader that returns non-null wins.
 *
 * <p>Called on the thread that ends the span; must be fast, must not block, and should not throw
 * (an exception is logged once and the reader is skipped).
 */
public interface LlmResponseReader {

  /** What this reader understood of {@code response}, or null when it does not know the type. */
  LlmResponse read(Object response);
}
