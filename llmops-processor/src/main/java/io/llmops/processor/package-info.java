/**
 * The trace processor's core, as a library: {@link io.llmops.processor.MessageDecoder} turns an
 * SQS message body into a {@link io.llmops.processor.DecodedTrace} or a
 * {@link io.llmops.processor.Rejection} within {@link io.llmops.processor.DecodeLimits};
 * {@link io.llmops.processor.BatchDecoder} decodes a batch and hands every rejection to a
 * {@link io.llmops.processor.DeadLetterStore}; {@link io.llmops.processor.TraceMerger} joins a
 * trace's parent message and its child segments into one trace. See docs/PROCESSOR.md.
 */
@NullMarked
package io.llmops.processor;

import org.jspecify.annotations.NullMarked;
