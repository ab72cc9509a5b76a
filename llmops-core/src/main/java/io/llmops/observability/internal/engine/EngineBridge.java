package io.llmops.observability.internal.engine;

import io.llmops.observability.LlmopsContext;
import io.llmops.observability.Scope;
import io.llmops.observability.Span;
import io.llmops.observability.SpanBuilder;
import io.llmops.observability.internal.bridge.CoreBridge;
import io.llmops.observability.internal.model.ErrorInfo;

/**
 * The engine's side of the public SPI: what {@code io.llmops.observability.spi} offers modules,
 * done against the running runtime. Created by name by {@code Bridge}. Internal.
 */
public final class EngineBridge implements CoreBridge {

  @Override
  public void addToCounter(String name, long delta) {
    Tracer.get().counters().add(name, delta);
  }

  @Override
  public long nowMicros() {
    return Tracer.get().clock().nowMicros();
  }

  @Override
  public boolean hasLiveTrace(LlmopsContext context) {
    ActiveContext active = ContextAccess.unwrap(context);
    TraceState trace = active.trace;
    if (trace == null) {
      return false;
    }
    return active.span != null ? !trace.isSent() : !trace.isFinalizing();
  }

  @Override
  public boolean hasSpan(LlmopsContext context) {
    ActiveContext active = ContextAccess.unwrap(context);
    return active.trace != null && active.span != null;
  }

  @Override
  public SpanBuilder allowLateSegment(SpanBuilder builder) {
    if (builder instanceof SpanBuilderImpl impl) {
      impl.lateSegment = true;
    }
    return builder;
  }

  @Override
  public void setInputSection(Span span, String key, Object value) {
    if (span instanceof SpanState state) {
      state.setInputSection(key, value);
    }
  }

  @Override
  public void recordFailure(Span span, String type, String message) {
    if (span instanceof SpanState state) {
      state.recordFailure(new ErrorInfo(type, message, ""));
    }
  }

  @Override
  public void awaitEnd(Span span) {
    if (span instanceof SpanState state) {
      state.awaitEnd();
    }
  }

  @Override
  public Object captureContext() {
    ActiveContext context = ContextStorage.current();
    return context.traceId() == null && context.spanId() == null ? null : context;
  }

  @Override
  public Scope attachContext(Object context) {
    return ContextStorage.attach((ActiveContext) context);
  }

  @Override
  public void addExitTask(Runnable task) {
    ExitTaskList.add(task);
  }

  @Override
  public String redact(String text) {
    return Tracer.get().redactor().redactText(text);
  }

  @Override
  public void warmUp(Class<?>... integrationClasses) {
    CaptureWarmUp.run(integrationClasses);
  }
}
