package io.llmops.observability.internal.engine;

import io.llmops.observability.LlmopsContext;
import io.llmops.observability.Span;
import io.llmops.observability.SpanBuilder;
import io.llmops.observability.SpanType;
import io.llmops.observability.ThrowingRunnable;
import io.llmops.observability.ThrowingSupplier;
import io.llmops.observability.internal.common.Arguments;
import io.llmops.observability.internal.capture.CaptureBudget;
import io.llmops.observability.internal.capture.Snapshotter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Collects a span's initial values (captured when set) until it starts. Internal. */
final class SpanBuilderImpl implements SpanBuilder {

  private final Tracer tracer;
  final String name;
  SpanType type;
  List<Object> args = List.of();
  /** Handed to each span started without a copy; copied here before the builder changes it. */
  private InputMap kwargs;
  /** Whether a started span holds {@link #kwargs} (so the builder copies before writing). */
  private boolean kwargsHandedOut;
  Map<String, Object> metadata;
  List<String> tags;
  String modelId;
  Object prompt;
  ActiveContext parent;
  /** Under a span of a trace already sent: record as a late segment of that trace (evaluations). */
  boolean lateSegment;
  /**
   * What the values set here may capture, charged to the span's budget when it starts; made on
   * the first capture, so a builder that captures nothing allocates none.
   */
  private CaptureBudget budget;

  SpanBuilderImpl(Tracer tracer, String name, SpanType type) {
    this.tracer = tracer;
    this.name = name;
    this.type = type;
  }

  @Override
  public SpanBuilder type(SpanType value) {
    if (value == null) {
      throw new IllegalArgumentException("type must not be null");
    }
    type = value;
    return this;
  }

  @Override
  public SpanBuilder input(String key, Object value) {
    if (key == null) {
      throw new IllegalArgumentException("input name must not be null");
    }
    Object captured = Snapshotter.capture(value, budget());
    if (kwargs == null) {
      kwargs = new InputMap();
    } else if (kwargsHandedOut) {
      kwargs = new InputMap(kwargs);
    }
    kwargsHandedOut = false;
    kwargs.put(Snapshotter.key(key), captured);
    return this;
  }

  @Override
  public SpanBuilder args(Object... values) {
    List<Object> captured = new ArrayList<>(values == null ? 0 : values.length);
    if (values != null) {
      for (Object value : values) {
        captured.add(Snapshotter.capture(value, budget()));
      }
    }
    args = captured;
    return this;
  }

  @Override
  public SpanBuilder metadata(String key, Object value) {
    if (key == null) {
      throw new IllegalArgumentException("metadata key must not be null");
    }
    if (metadata == null) {
      metadata = new LinkedHashMap<>();
    }
    metadata.put(Snapshotter.key(key), Snapshotter.capture(value, budget()));
    return this;
  }

  @Override
  public SpanBuilder metadata(Map<String, ?> values) {
    if (values == null) {
      throw new IllegalArgumentException("metadata must not be null");
    }
    values.forEach(this::metadata);
    return this;
  }

  @Override
  public SpanBuilder tag(String tag) {
    if (tag == null) {
      throw new IllegalArgumentException("tag must not be null");
    }
    if (tags == null) {
      tags = new ArrayList<>(2);
    }
    tags.add(tag);
    return this;
  }

  @Override
  public SpanBuilder model(String value) {
    modelId = value;
    return this;
  }

  @Override
  public SpanBuilder prompt(String value) {
    prompt = Snapshotter.text(value, budget());
    return this;
  }

  @Override
  public SpanBuilder promptReference(String promptName, int version) {
    if (!PromptReference.validName(promptName)) {
      throw new IllegalArgumentException("prompt name must not be null or blank");
    }
    if (!PromptReference.validVersion(version)) {
      throw new IllegalArgumentException("prompt version must be at least 1");
    }
    return metadata(PromptReference.NAME_KEY, promptName)
        .metadata(PromptReference.VERSION_KEY, version);
  }

  private CaptureBudget budget() {
    if (budget == null) {
      budget = CaptureBudget.confined();
    }
    return budget;
  }

  /** What the values set here captured so far, or null when nothing was captured. */
  CaptureBudget spentBudget() {
    return budget;
  }

  /**
   * The inputs for a span that starts now, shared with it: the builder copies them before it
   * changes them again, and the span copies them before it adds to them.
   */
  Map<String, Object> handOutKwargs() {
    kwargsHandedOut = kwargs != null;
    return kwargs;
  }

  @Override
  public SpanBuilder parent(LlmopsContext value) {
    if (value == null) {
      throw new IllegalArgumentException("parent must not be null");
    }
    parent = ContextAccess.unwrap(value);
    return this;
  }

  @Override
  public Span start() {
    Span span = tracer.startSpan(this);
    if (span instanceof SpanState state) {
      state.makeOwnCurrent();
    }
    return span;
  }

  @Override
  public Span startDetached() {
    Span span = tracer.startSpan(this);
    if (span instanceof SpanState state) {
      state.publish();
    }
    return span;
  }

  @Override
  public <T, E extends Throwable> T call(ThrowingSupplier<T, E> body) throws E {
    Arguments.requireNonNull(body, "body"); // before the span starts: no span records it
    Span span = start();
    try {
      T result = body.get();
      span.setOutput(result);
      return result;
    } catch (Throwable failure) {
      span.recordException(failure);
      throw failure;
    } finally {
      span.close();
    }
  }

  @Override
  public <E extends Throwable> void run(ThrowingRunnable<E> body) throws E {
    Arguments.requireNonNull(body, "body"); // before the span starts: no span records it
    Span span = start();
    try {
      body.run();
    } catch (Throwable failure) {
      span.recordException(failure);
      throw failure;
    } finally {
      span.close();
    }
  }
}
