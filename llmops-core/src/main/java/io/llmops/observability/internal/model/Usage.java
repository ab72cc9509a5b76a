package io.llmops.observability.internal.model;

/** Token counts of a generation. Internal. */
public record Usage(long inputTokens, long outputTokens, long totalTokens) {}
