/**
 * Outbound tracing for {@code java.net.http.HttpClient}: {@link
 * io.llmops.observability.jdkhttp.LlmopsHttpClient#wrap} returns a client that records each call
 * made inside a trace as a client span (docs/OUTBOUND_HTTP.md, "JDK HttpClient").
 *
 * <p><b>Absent values.</b> {@link org.jspecify.annotations.NullMarked @NullMarked}: nothing here
 * takes or returns null unless marked.
 *
 * <p><b>Exceptions.</b> The wrapped client throws only what the delegate threw, unchanged; the
 * futures of {@code sendAsync} complete as the delegate's do.
 *
 * <p><b>Threads.</b> The wrapper is as thread-safe as the delegate; it holds no state of its own.
 */
@NullMarked
package io.llmops.observability.jdkhttp;

import org.jspecify.annotations.NullMarked;
