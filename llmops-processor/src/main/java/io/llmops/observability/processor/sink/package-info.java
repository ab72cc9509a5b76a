/**
 * The processor's sinks and their delivery: {@link io.llmops.observability.processor.sink.SinkFanOut}
 * hands each export to every sink in parallel, retries each on its own, and records in the object
 * store which sinks hold it; {@link io.llmops.observability.processor.sink.ArchiveSink} (S3 or a
 * folder), {@link io.llmops.observability.processor.sink.SpanSink} (OTLP, Langfuse);
 * {@link io.llmops.observability.processor.sink.ProcessorSinks} chooses them from settings. See
 * docs/PROCESSOR.md, "Sinks and delivery".
 */
@NullMarked
package io.llmops.observability.processor.sink;

import org.jspecify.annotations.NullMarked;
