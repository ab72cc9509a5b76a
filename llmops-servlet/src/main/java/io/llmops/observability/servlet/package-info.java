/**
 * Inbound tracing for Jakarta Servlet 6 containers: {@link
 * io.llmops.observability.servlet.LlmopsTracingFilter} records each request as one trace (or as
 * the caller's child segment when its trace headers come), async requests included. See
 * docs/DISTRIBUTED_TRACING.md, "Inbound HTTP filters".
 *
 * <p><b>Absent values.</b> {@link org.jspecify.annotations.NullMarked @NullMarked}: nothing here
 * takes null; {@code register} returns null when the name is taken.
 *
 * <p><b>Exceptions.</b> The filter throws only what the chain threw, unchanged.
 *
 * <p><b>Threads.</b> The filter is stateless and thread-safe.
 */
@NullMarked
package io.llmops.observability.servlet;

import org.jspecify.annotations.NullMarked;
