package io.llmops.observability.internal.engine;

import io.llmops.observability.Scope;
import io.llmops.observability.Span;
import io.llmops.observability.SpanLevel;
import io.llmops.observability.SpanType;
import java.util.function.Consumer;

/**
 * A generation started while an open generation that has recorded no usage yet was its parent:
 * one model call seen by two ways in (an SDK interceptor inside a manual span or an annotated
 * method, a manual span inside an annotated method). It records onto that generation, so the
 * call's tokens and cost count once, and its end ends nothing but itself: the generation it
 * joined ends when its own owner ends it. Counted as {@code generations.joined}. Internal.
 */
final class JoinedGeneration implements Span {

  private final SpanState joined;
  private volatile boolean ended;

  JoinedGeneration(SpanState joined) {
    this.joined = joined;
  }

  /** The generation this one records onto. */
  SpanState joined() {
    return joined;
  }

  @Override
  public String spanId() {
    return joined.spanId();
  }

  @Override
  public String traceId() {
    return joined.traceId();
  }

  @Override
  public SpanType type() {
    return SpanType.GENERATION;
  }

  @Override
  public boolean isRecording() {
    return !ended && joined.isRecording();
  }

  @Override
  public Span setInput(String name, Object value) {
    return forward(span -> span.setInput(name, value));
  }

  @Override
  public Span setArgs(Object... args) {
    return forward(span -> span.setArgs(args));
  }

  @Override
  public Span setLocal(String name, Object value) {
    return forward(span -> span.setLocal(name, value));
  }

  @Override
  public Span setSelf(Object self) {
    return forward(span -> span.setSelf(self));
  }

  @Override
  public Span setOutput(Object output) {
    return forward(span -> span.setOutput(output));
  }

  @Override
  public Span setMetadata(String key, Object value) {
    return forward(span -> span.setMetadata(key, value));
  }

  @Override
  public Span addTag(String tag) {
    return forward(span -> span.addTag(tag));
  }

  @Override
  public Span setModel(String modelId) {
    return forward(span -> span.setModel(modelId));
  }

  @Override
  public Span setPrompt(String prompt) {
    return forward(span -> span.setPrompt(prompt));
  }

  @Override
  public Span setPromptReference(String name, int version) {
    return forward(span -> span.setPromptReference(name, version));
  }

  @Override
  public Span setResponse(String response) {
    return forward(span -> span.setResponse(response));
  }

  @Override
  public Span setUsage(long inputTokens, long outputTokens) {
    return forward(span -> span.setUsage(inputTokens, outputTokens));
  }

  @Override
  public Span setCost(double inputCost, double outputCost) {
    return forward(span -> span.setCost(inputCost, outputCost));
  }

  @Override
  public Span recordLlmResponse(Object response) {
    return forward(span -> span.recordLlmResponse(response));
  }

  @Override
  public Span setLevel(SpanLevel level) {
    return forward(span -> span.setLevel(level));
  }

  @Override
  public Span setStatusMessage(String message) {
    return forward(span -> span.setStatusMessage(message));
  }

  @Override
  public Span recordException(Throwable error) {
    return forward(span -> span.recordException(error));
  }

  @Override
  public Scope makeCurrent() {
    return joined.makeCurrent();
  }

  @Override
  public void end() {
    ended = true;
  }

  @Override
  public void close() {
    ended = true;
  }

  /** Records on the joined generation until this view has ended. */
  private Span forward(Consumer<SpanState> call) {
    if (!ended) {
      call.accept(joined);
    }
    return this;
  }
}
