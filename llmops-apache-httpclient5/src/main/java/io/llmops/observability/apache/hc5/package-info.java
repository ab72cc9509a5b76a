/**
 * Client spans for Apache HttpClient 5: {@link
 * io.llmops.observability.apache.hc5.LlmopsHttpClient5#instrument} adds a handler to a classic
 * or async client builder that records each call as a client span (docs/OUTBOUND_HTTP.md,
 * "Apache HttpClient 5").
 *
 * <p><b>Absent values.</b> {@link org.jspecify.annotations.NullMarked @NullMarked}: nothing here
 * takes or returns null.
 *
 * <p><b>Exceptions.</b> {@code instrument} throws {@link IllegalArgumentException} for a null
 * builder; the handlers throw only what the client threw, unchanged.
 *
 * <p><b>Threads.</b> Thread-safe; the handlers are stateless.
 */
@NullMarked
package io.llmops.observability.apache.hc5;

import org.jspecify.annotations.NullMarked;
