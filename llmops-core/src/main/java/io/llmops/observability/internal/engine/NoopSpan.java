package io.llmops.observability.internal.engine;

import io.llmops.observability.Scope;
import io.llmops.observability.Span;
import io.llmops.observability.SpanLevel;
import io.llmops.observability.SpanType;

/**
 * The span handed out when tracing is disabled or failed: records nothing, costs nothing, and
 * counts the invalid arguments a recording span would count, so that a call behaves the same
 * with tracing on or off.
 */
final class NoopSpan implements Span {

  static final NoopSpan INSTANCE = new NoopSpan();

  private NoopSpan() {}

  @Override public String spanId() { return ""; }
  @Override public String traceId() { return ""; }
  @Override public SpanType type() { return SpanType.SPAN; }
  @Override public boolean isRecording() { return false; }
  @Override public Span setInput(String name, Object value) {
    SpanArguments.present(null, "setInput", "name", name);
    return this;
  }
  @Override public Span setArgs(Object... args) { return this; }
  @Override public Span setLocal(String name, Object value) {
    SpanArguments.present(null, "setLocal", "name", name);
    return this;
  }
  @Override public Span setSelf(Object self) { return this; }
  @Override public Span setOutput(Object output) { return this; }
  @Override public Span setMetadata(String key, Object value) {
    SpanArguments.present(null, "setMetadata", "key", key);
    return this;
  }
  @Override public Span addTag(String tag) {
    SpanArguments.present(null, "addTag", "tag", tag);
    return this;
  }
  @Override public Span setModel(String modelId) { return this; }
  @Override public Span setPrompt(String prompt) { return this; }
  @Override public Span setPromptReference(String name, int version) {
    SpanArguments.validPromptReference(null, name, version);
    return this;
  }
  @Override public Span setResponse(String response) { return this; }
  @Override public Span setUsage(long inputTokens, long outputTokens) {
    SpanArguments.validUsage(null, inputTokens, outputTokens);
    return this;
  }
  @Override public Span setCost(double inputCost, double outputCost) {
    SpanArguments.validCost(null, inputCost, outputCost);
    return this;
  }
  @Override public Span recordLlmResponse(Object response) { return this; }
  @Override public Span setLevel(SpanLevel level) {
    SpanArguments.present(null, "setLevel", "level", level);
    return this;
  }
  @Override public Span setStatusMessage(String message) { return this; }
  @Override public Span recordException(Throwable error) {
    SpanArguments.present(null, "recordException", "error", error);
    return this;
  }
  @Override public Scope makeCurrent() { return () -> {}; }
  @Override public void end() {}
  @Override public void close() {}
}
