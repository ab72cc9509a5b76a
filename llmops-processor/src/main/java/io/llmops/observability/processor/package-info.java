/**
 * The trace processor's core, as a library: {@link io.llmops.observability.processor.MessageDecoder} turns an
 * SQS message body into a {@link io.llmops.observability.processor.DecodedTrace} or a
 * {@link io.llmops.observability.processor.Rejection} within {@link io.llmops.observability.processor.DecodeLimits};
 * {@link io.llmops.observability.processor.BatchDecoder} decodes a batch and hands every rejection to a
 * {@link io.llmops.observability.processor.DeadLetterStore}; {@link io.llmops.observability.processor.TraceMerger} joins a
 * trace's parent message and its child segments into one trace. See docs/PROCESSOR.md.
 */
@NullMarked
package io.llmops.observability.processor;

import org.jspecify.annotations.NullMarked;
