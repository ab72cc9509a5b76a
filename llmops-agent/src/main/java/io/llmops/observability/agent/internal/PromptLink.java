package io.llmops.observability.agent.internal;

/**
 * The managed prompt a {@code @TrackLlmCall} names ({@code promptName}, {@code promptVersion}),
 * checked when the method is woven: a name that is not blank and a version of at least 1.
 * Internal.
 */
public record PromptLink(String name, int version) {}
