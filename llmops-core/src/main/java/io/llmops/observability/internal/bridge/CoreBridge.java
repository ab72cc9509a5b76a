package io.llmops.observability.internal.bridge;

import io.llmops.observability.LlmopsEngine;
import io.llmops.observability.Scope;
import io.llmops.observability.Span;
import org.jspecify.annotations.Nullable;

/**
 * What the public SPI ({@code io.llmops.observability.spi}) asks of the running engine: what the
 * facades ask ({@link LlmopsEngine}: the span hooks among it) and a little more. The SPI may not
 * refer to the engine's packages, so it reaches the engine through this interface, implemented
 * in {@code internal.engine} and found by {@link Bridge}. Implementations never throw. Internal.
 */
public interface CoreBridge extends LlmopsEngine {

  void addToCounter(String name, long delta);

  /** The running runtime's clock: microseconds since the epoch. */
  long nowMicros();

  void awaitEnd(Span span);

  /** The calling thread's context, or null when it has neither trace nor span. */
  Object captureContext();

  /** Makes a context returned by {@link #captureContext} current for a task. */
  Scope attachContext(Object context);

  void addExitTask(Runnable task);

  String redact(String text);

  /** Whether the value under {@code key} is masked when exported (the running redaction's keys). */
  boolean isSensitiveKey(String key);

  /** The value of {@code key} in the metadata of the span behind {@code span}, or null. */
  @Nullable Object metadataValue(Span span, String key);

  void warmUp(Class<?>... integrationClasses);
}
