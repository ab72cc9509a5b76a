package io.llmops.observability.processor;

/**
 * A message that cannot be processed.
 *
 * @param reason the kind of defect
 * @param detail where it is, in words that never repeat the message's content
 */
public record Rejection(RejectionReason reason, String detail) {}
