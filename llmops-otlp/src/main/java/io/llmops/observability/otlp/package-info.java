/**
 * OTLP and Langfuse export: {@link io.llmops.observability.otlp.OtlpTraceConverter} turns a
 * wire-format trace into OpenTelemetry spans; the sinks {@code otlp} and {@code langfuse}
 * ({@link io.llmops.observability.otlp.OtlpSinkProvider},
 * {@link io.llmops.observability.otlp.LangfuseSinkProvider}) send them over OTLP/HTTP. Variable
 * and counter names are in {@link io.llmops.observability.otlp.OtlpSettings}. See
 * docs/OTLP_LANGFUSE.md.
 */
@NullMarked
package io.llmops.observability.otlp;

import org.jspecify.annotations.NullMarked;
