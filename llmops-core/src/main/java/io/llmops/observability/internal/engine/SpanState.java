package io.llmops.observability.internal.engine;

import io.llmops.observability.LlmResponse;
import io.llmops.observability.Scope;
import io.llmops.observability.Span;
import io.llmops.observability.SpanLevel;
import io.llmops.observability.SpanType;
import io.llmops.observability.internal.capture.Errors;
import io.llmops.observability.internal.capture.Snapshotter;
import io.llmops.observability.internal.llm.ResponseReaders;
import io.llmops.observability.internal.pricing.GenerationCost;
import io.llmops.observability.internal.model.Cost;
import io.llmops.observability.internal.model.ErrorInfo;
import io.llmops.observability.internal.model.SpanData;
import io.llmops.observability.internal.model.Usage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A live span: mutable and guarded by its own lock until it ends, when it becomes an immutable
 * {@link SpanData}. Every value is captured (copied) when it is set. Internal.
 */
final class SpanState implements Span {

  private final TraceState trace;
  private final String spanId;
  private final String parentSpanId;
  private final SpanType type;
  private final long startMicros;
  /** A root span of an implicit trace finalizes that trace when it ends. */
  private final boolean implicitRoot;

  private final String name;
  private List<Object> args = List.of();
  private Map<String, Object> kwargs;
  private Map<String, Object> locals;
  private Object self = SpanData.ABSENT;
  private Object output;
  private String modelId;
  private Object prompt;
  private Object response;
  private Usage usage;
  private Cost cost;
  private Map<String, Object> metadata;
  private List<String> tags;
  private SpanLevel level = SpanLevel.DEFAULT;
  private String statusMessage;
  private ErrorInfo error;
  /** Named parts of {@code input_data} beside args/kwargs/locals/self (e.g. {@code evaluation}). */
  private Map<String, Object> inputSections;
  private boolean ended;

  /** The scope opened by {@code SpanBuilder.start()} and the thread that owns it. */
  private Scope ownScope;
  private Thread ownScopeThread;

  SpanState(TraceState trace, String parentSpanId, String name, SpanType type, boolean implicitRoot) {
    this.trace = trace;
    this.spanId = Ids.uuid();
    this.parentSpanId = parentSpanId;
    this.name = name;
    this.type = type;
    this.implicitRoot = implicitRoot;
    this.startMicros = trace.tracerClock().nowMicros();
  }

  /** Takes the values captured by the builder (copied: a builder may start several spans). */
  synchronized void initFrom(SpanBuilderImpl builder) {
    args = builder.args;
    kwargs = builder.kwargs == null ? null : new LinkedHashMap<>(builder.kwargs);
    metadata = builder.metadata == null ? null : new LinkedHashMap<>(builder.metadata);
    tags = builder.tags == null ? null : new ArrayList<>(builder.tags);
    modelId = builder.modelId;
    prompt = builder.prompt;
  }

  TraceState trace() {
    return trace;
  }

  @Override
  public String spanId() {
    return spanId;
  }

  @Override
  public String traceId() {
    return trace.traceId;
  }

  @Override
  public SpanType type() {
    return type;
  }

  @Override
  public synchronized boolean isRecording() {
    return !ended;
  }

  @Override
  public synchronized Span setInput(String key, Object value) {
    if (!ended && key != null) {
      if (kwargs == null) {
        kwargs = new LinkedHashMap<>();
      }
      kwargs.put(key, Snapshotter.capture(value));
    }
    return this;
  }

  @Override
  public synchronized Span setArgs(Object... values) {
    if (!ended && values != null) {
      List<Object> captured = new ArrayList<>(values.length);
      for (Object value : values) {
        captured.add(Snapshotter.capture(value));
      }
      args = captured;
    }
    return this;
  }

  @Override
  public synchronized Span setLocal(String key, Object value) {
    if (!ended && key != null) {
      if (locals == null) {
        locals = new LinkedHashMap<>();
      }
      locals.put(key, Snapshotter.capture(value));
    }
    return this;
  }

  @Override
  public synchronized Span setSelf(Object receiver) {
    if (!ended) {
      self = Snapshotter.capture(receiver);
    }
    return this;
  }

  @Override
  public synchronized Span setOutput(Object value) {
    if (!ended) {
      output = Snapshotter.capture(value);
    }
    return this;
  }

  @Override
  public synchronized Span setMetadata(String key, Object value) {
    if (!ended && key != null) {
      if (metadata == null) {
        metadata = new LinkedHashMap<>();
      }
      metadata.put(key, Snapshotter.capture(value));
    }
    return this;
  }

  @Override
  public synchronized Span addTag(String tag) {
    if (!ended && tag != null) {
      if (tags == null) {
        tags = new ArrayList<>(2);
      }
      tags.add(tag);
    }
    return this;
  }

  @Override
  public synchronized Span setModel(String model) {
    if (!ended) {
      modelId = model;
    }
    return this;
  }

  @Override
  public synchronized Span setPrompt(String text) {
    if (!ended) {
      prompt = Snapshotter.text(text);
    }
    return this;
  }

  @Override
  public synchronized Span setResponse(String text) {
    if (!ended) {
      response = Snapshotter.text(text);
    }
    return this;
  }

  @Override
  public Span setUsage(long inputTokens, long outputTokens) {
    SpanArguments.checkUsage(inputTokens, outputTokens);
    synchronized (this) {
      if (!ended) {
        usage = new Usage(inputTokens, outputTokens, inputTokens + outputTokens);
      }
    }
    return this;
  }

  @Override
  public Span setCost(double inputCost, double outputCost) {
    SpanArguments.checkCost(inputCost, outputCost);
    synchronized (this) {
      if (!ended) {
        cost = new Cost(inputCost, outputCost, inputCost + outputCost);
      }
    }
    return this;
  }

  @Override
  public Span recordLlmResponse(Object raw) {
    LlmResponse read = ResponseReaders.read(raw);
    Object captured = raw == null || raw instanceof LlmResponse ? null : ResponseReaders.capture(raw);
    Object text = read == null ? null : Snapshotter.text(read.text());
    Object promptText = read == null ? null : Snapshotter.text(read.prompt());
    Usage readUsage = read == null ? null : GenerationCost.usage(read);
    List<Object> toolCalls = read == null ? List.of() : ResponseReaders.toolCalls(read);
    synchronized (this) {
      if (ended) {
        return this;
      }
      if (captured != null && output == null) {
        output = captured;
      }
      if (read == null) {
        return this;
      }
      if (read.modelId() != null) {
        modelId = read.modelId();
      }
      if (text != null) {
        response = text;
      }
      if (promptText != null && prompt == null) {
        prompt = promptText;
      }
      if (readUsage != null) {
        usage = readUsage;
      }
      if (read.stopReason() != null || !toolCalls.isEmpty()) {
        if (metadata == null) {
          metadata = new LinkedHashMap<>();
        }
        if (read.stopReason() != null) {
          metadata.put(io.llmops.observability.internal.wire.WireFields.LLM_STOP_REASON, read.stopReason());
        }
        if (!toolCalls.isEmpty()) {
          metadata.put(io.llmops.observability.internal.wire.WireFields.LLM_TOOL_CALLS, toolCalls);
        }
      }
    }
    return this;
  }

  @Override
  public synchronized Span setLevel(SpanLevel value) {
    if (!ended && value != null) {
      level = value;
    }
    return this;
  }

  @Override
  public synchronized Span setStatusMessage(String message) {
    if (!ended) {
      statusMessage = message;
    }
    return this;
  }

  @Override
  public Span recordException(Throwable failure) {
    ErrorInfo info = Errors.capture(failure);
    synchronized (this) {
      if (!ended) {
        error = info;
        level = SpanLevel.ERROR;
        if (statusMessage == null) {
          statusMessage = info.message();
        }
      }
    }
    return this;
  }

  /** Records {@code input_data.<key>}; used by the evaluation API. */
  synchronized void setInputSection(String key, Object value) {
    if (!ended && key != null) {
      if (inputSections == null) {
        inputSections = new LinkedHashMap<>(2);
      }
      inputSections.put(key, Snapshotter.capture(value));
    }
  }

  /** Marks the span failed with an already-captured error (a failure reported as text). */
  synchronized void recordFailure(ErrorInfo info) {
    if (!ended && info != null) {
      error = info;
      level = SpanLevel.ERROR;
      if (statusMessage == null) {
        statusMessage = info.message();
      }
    }
  }

  @Override
  public Scope makeCurrent() {
    return ContextStorage.attach(new ActiveContext(trace, this));
  }

  /** Used by {@code SpanBuilder.start()}: the span ends this scope when it is closed. */
  void makeOwnCurrent() {
    Scope scope = makeCurrent();
    synchronized (this) {
      ownScope = scope;
      ownScopeThread = Thread.currentThread();
    }
  }

  @Override
  public void end() {
    SpanData data;
    synchronized (this) {
      if (ended) {
        return;
      }
      ended = true;
      if (type == SpanType.GENERATION) {
        if (modelId == null) {
          modelId = trace.tracerConfig().defaultModelId();
        }
        if (usage != null && cost == null) {
          cost = GenerationCost.of(trace.tracerConfig(), modelId, usage);
        }
      }
      data = data(trace.tracerClock().nowMicros(), metadata == null ? Map.of() : metadata);
    }
    trace.spanEnded(data);
    if (implicitRoot) {
      trace.finalizeTrace(null, null, null, traceInput(data), data.output());
    }
  }

  /** The span as it is now, ending at {@code endMicros} (not before it started). */
  private SpanData data(long endMicros, Map<String, Object> metadataNow) {
    return new SpanData(spanId, parentSpanId, name, type, startMicros,
        Math.max(startMicros, endMicros), args,
        kwargs == null ? Map.of() : kwargs, locals == null ? Map.of() : locals, self, output,
        modelId, prompt, response, usage, cost, metadataNow,
        tags == null ? List.of() : tags, level, statusMessage, error,
        inputSections == null ? Map.of() : inputSections);
  }

  /** The input of the implicit trace this span is the root of: its arguments. */
  private static Map<String, Object> traceInput(SpanData data) {
    Map<String, Object> input = new LinkedHashMap<>();
    input.put("args", data.args());
    input.put("kwargs", data.kwargs());
    return input;
  }

  /**
   * The span outlives the call that started it (an asynchronous result): its trace sends it
   * with its data so far if it is still open when the trace is sent, and, if it is the root of
   * an implicit trace, sends that trace once {@code LLMOPS_FINALIZE_GRACE} has passed from now.
   */
  void awaitEnd() {
    trace.awaitSpan(this);
    if (implicitRoot) {
      trace.afterGrace(this::sendTraceOpen, () -> !isRecording() || trace.isSent());
    }
  }

  /** The grace ran out with this implicit root still open: its trace is sent with it open. */
  private void sendTraceOpen() {
    SpanData sofar = openSnapshot(trace.tracerClock().nowMicros());
    if (sofar != null) {
      trace.finalizeTrace(null, null, null, traceInput(sofar), null);
      trace.send(true);
    }
  }

  /**
   * The span's data so far, ending now and marked {@value TraceState#OPEN_KEY} in its
   * metadata, or null once it has ended.
   */
  synchronized SpanData openSnapshot(long nowMicros) {
    if (ended) {
      return null;
    }
    Map<String, Object> flagged =
        metadata == null ? new LinkedHashMap<>() : new LinkedHashMap<>(metadata);
    flagged.put(TraceState.OPEN_KEY, true);
    return data(nowMicros, flagged);
  }

  @Override
  public void close() {
    try {
      end();
      Scope scope;
      synchronized (this) {
        scope = ownScopeThread == Thread.currentThread() ? ownScope : null;
        ownScope = null;
      }
      if (scope != null) {
        scope.close();
      }
    } catch (RuntimeException e) {
      InternalLog.errorOnce("span-close", "Failed to close span", e);
    }
  }

  @Override
  public String toString() {
    return "Span{" + name + ", " + type.wireName() + ", " + spanId + "}";
  }
}
