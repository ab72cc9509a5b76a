/**
 * The SQS sink: {@link io.llmops.observability.sqs.SqsSinkProvider} (found with {@link
 * java.util.ServiceLoader}, named {@code sqs} in {@code LLMOPS_SINKS}) and the names of its
 * settings and counters ({@link io.llmops.observability.sqs.SqsSettings}). These two types are
 * the API; the sink itself is internal. See docs/SQS.md.
 *
 * <p><b>Absent values.</b> {@link org.jspecify.annotations.NullMarked @NullMarked}: nothing here
 * takes or returns null.
 *
 * <p><b>Exceptions.</b> Only {@code SqsSinkProvider.create} and {@code prepare} throw, {@link
 * IllegalArgumentException} naming the variable when a setting is missing or invalid; the sink
 * never throws (failures are retried, spilled to disk, counted and logged).
 *
 * <p><b>Threads.</b> Both types are stateless and thread-safe.
 */
@NullMarked
package io.llmops.observability.sqs;

import org.jspecify.annotations.NullMarked;
