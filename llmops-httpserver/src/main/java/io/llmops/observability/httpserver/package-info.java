/**
 * Inbound tracing for the JDK's {@code com.sun.net.httpserver} servers: {@link
 * io.llmops.observability.httpserver.LlmopsHttpFilter}, added to an {@code HttpContext}'s filters,
 * records each request as one trace (or as the caller's child segment when its trace headers
 * come). See docs/DISTRIBUTED_TRACING.md, "Inbound HTTP filters".
 *
 * <p><b>Absent values.</b> {@link org.jspecify.annotations.NullMarked @NullMarked}: nothing here
 * takes or returns null.
 *
 * <p><b>Exceptions.</b> The filter throws only what the handler threw, unchanged.
 *
 * <p><b>Threads.</b> The filter is stateless and thread-safe.
 */
@NullMarked
package io.llmops.observability.httpserver;

import org.jspecify.annotations.NullMarked;
