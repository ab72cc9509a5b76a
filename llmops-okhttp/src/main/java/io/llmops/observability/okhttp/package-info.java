/**
 * Client spans for OkHttp 4 and 5 calls: {@link io.llmops.observability.okhttp.LlmopsOkHttp}
 * instruments a client or its builder so that each {@code execute()} and {@code enqueue()} made
 * inside a trace is recorded as a client span (docs/OUTBOUND_HTTP.md, "OkHttp").
 *
 * <p><b>Absent values.</b> {@link org.jspecify.annotations.NullMarked @NullMarked}: nothing here
 * takes or returns null.
 *
 * <p><b>Exceptions.</b> Only {@link java.lang.IllegalArgumentException} for a null argument; a
 * call throws what OkHttp threw, unchanged.
 *
 * <p><b>Threads.</b> Stateless and thread-safe.
 */
@NullMarked
package io.llmops.observability.okhttp;

import org.jspecify.annotations.NullMarked;
