/**
 * Where finished traces go: a {@link io.llmops.observability.export.TraceSink} receives each
 * trace as a {@link io.llmops.observability.export.TraceMessage} (the wire format's encoded
 * message) and answers with an {@link io.llmops.observability.export.ExportResult}; it may add
 * to the SDK's counters through {@link io.llmops.observability.export.SinkMetrics}. An
 * application hands its own sink to {@code LlmopsConfig.Builder.addSink}; a module offers one by
 * name through {@code io.llmops.observability.spi.SinkProvider}. These types refer to nothing
 * else of the SDK, so that both the public API and the SPI can use them.
 *
 * <p><b>Absent values.</b> The package is
 * {@link org.jspecify.annotations.NullMarked @NullMarked}: null is allowed only where
 * {@link org.jspecify.annotations.Nullable @Nullable} says so.
 *
 * <p><b>Exceptions.</b> {@code TraceMessage} and {@code ExportResult} throw
 * {@link IllegalArgumentException} for invalid arguments, as each method says. A sink must not
 * throw: it reports a failure with {@link io.llmops.observability.export.ExportResult#failure};
 * what it throws anyway is caught, counted and logged by the SDK and never reaches the
 * application.
 *
 * <p><b>Threads.</b> The SDK calls a sink from its export worker only, one call at a time.
 */
@NullMarked
package io.llmops.observability.export;

import org.jspecify.annotations.NullMarked;
