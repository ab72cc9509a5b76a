package io.llmops.observability.internal.bridge;

import io.llmops.observability.LlmopsContext;
import io.llmops.observability.Scope;
import io.llmops.observability.Span;
import io.llmops.observability.SpanBuilder;

/**
 * What the public SPI ({@code io.llmops.observability.spi}) asks of the running engine. The SPI
 * sits below the engine (the export pipeline uses its sink types), so it reaches the engine
 * through this interface, implemented in {@code internal.engine} and found by {@link Bridge}.
 * Implementations never throw. Internal.
 */
public interface CoreBridge {

  void addToCounter(String name, long delta);

  /** The running runtime's clock: microseconds since the epoch. */
  long nowMicros();

  boolean hasLiveTrace(LlmopsContext context);

  boolean hasSpan(LlmopsContext context);

  SpanBuilder allowLateSegment(SpanBuilder builder);

  void setInputSection(Span span, String key, Object value);

  void recordFailure(Span span, String type, String message);

  void awaitEnd(Span span);

  /** The calling thread's context, or null when it has neither trace nor span. */
  Object captureContext();

  /** Makes a context returned by {@link #captureContext} current for a task. */
  Scope attachContext(Object context);

  void addExitTask(Runnable task);

  String redact(String text);

  void warmUp(Class<?>... integrationClasses);
}
