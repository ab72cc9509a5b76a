package io.llmops.observability.internal.engine;

import io.llmops.observability.LlmResponse;
import io.llmops.observability.Scope;
import io.llmops.observability.Span;
import io.llmops.observability.SpanLevel;
import io.llmops.observability.SpanType;
import io.llmops.observability.internal.capture.CaptureBudget;
import io.llmops.observability.internal.capture.CaptureLimits;
import io.llmops.observability.internal.capture.Errors;
import io.llmops.observability.internal.capture.Snapshotter;
import io.llmops.observability.internal.common.Counters;
import io.llmops.observability.spi.SdkLog;
import io.llmops.observability.internal.llm.LlmMarks;
import io.llmops.observability.internal.llm.ResponseReaders;
import io.llmops.observability.internal.llm.UnreadResponses;
import io.llmops.observability.internal.model.Cost;
import io.llmops.observability.internal.model.ErrorInfo;
import io.llmops.observability.internal.model.SpanData;
import io.llmops.observability.internal.model.Usage;
import io.llmops.observability.internal.pricing.GenerationCost;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A live span: mutable and guarded by its own lock until it ends, when it becomes an immutable
 * {@link SpanData}. Every value is captured (copied) when it is set. Internal.
 */
final class SpanState implements Span {

  private static final VarHandle BUDGET;

  static {
    try {
      BUDGET = MethodHandles.lookup().findVarHandle(SpanState.class, "budget", CaptureBudget.class);
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

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
  /** Whether {@link #kwargs} is the builder's map, shared: copied before this span adds to it. */
  private boolean kwargsShared;
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
  private volatile boolean ended;
  /** Whether a call made on this span with the trace's headers got an answer the SDK read. */
  private volatile boolean externalAnswerRead;
  /**
   * What this span may still capture; values are captured before the lock is taken. Made on
   * the first capture (see {@link #budget()}), so a span that captures nothing allocates none.
   */
  private volatile CaptureBudget budget;

  /**
   * Guards every mutable field. Private, so that application code that synchronizes on a span
   * (which it may hold as a plain object) can never block the span's own writers.
   */
  private final Object lock = new Object();

  /** The scope opened by {@code SpanBuilder.start()}, closed with the span on any thread. */
  private Scope ownScope;

  SpanState(TraceState trace, String parentSpanId, String name, SpanType type, boolean implicitRoot) {
    this.trace = trace;
    this.spanId = Ids.uuid();
    this.parentSpanId = parentSpanId;
    this.name = name;
    this.type = type;
    this.implicitRoot = implicitRoot;
    this.startMicros = trace.tracer().clock().nowMicros();
  }

  /**
   * Takes the values captured by the builder (a builder may start several spans: its inputs are
   * shared until either side writes to them, the other values are copied). Called before any
   * other thread can have the span, so without the lock: the builder's {@code start()} or
   * {@code startDetached()} then takes it once ({@link #makeOwnCurrent}, {@link #publish}),
   * which makes these writes visible to every thread that takes it later.
   */
  void initFrom(SpanBuilderImpl builder) {
    CaptureBudget spent = builder.spentBudget();
    if (spent != null) {
      budget = trace.captureBudget().forSpan(spent);
    }
    args = builder.args;
    kwargs = builder.handOutKwargs();
    kwargsShared = kwargs != null;
    metadata = builder.metadata == null ? null : new LinkedHashMap<>(builder.metadata);
    tags = builder.tags == null ? null : new ArrayList<>(builder.tags);
    modelId = builder.modelId;
    prompt = builder.prompt;
  }

  /**
   * Takes in a generation started under this one, when this is an open generation that has
   * recorded no usage yet: the builder's values fill what this span lacks (inputs, metadata,
   * prompt; tags are added, its model wins), and true is answered. Otherwise nothing changes and the
   * caller starts a span of its own. See {@link JoinedGeneration}.
   */
  boolean absorb(SpanBuilderImpl builder) {
    Map<String, Object> moreKwargs = builder.handOutKwargs();
    synchronized (lock) {
      if (ended || type != SpanType.GENERATION || usage != null) {
        return false;
      }
      if (moreKwargs != null) {
        for (Map.Entry<String, Object> input : moreKwargs.entrySet()) {
          if (kwargs == null || !kwargs.containsKey(input.getKey())) {
            kwargs = with(kwargsShared ? new LinkedHashMap<>(kwargs) : kwargs, input.getKey(),
                input.getValue());
            kwargsShared = false;
          }
        }
      }
      if (builder.metadata != null) {
        for (Map.Entry<String, Object> entry : builder.metadata.entrySet()) {
          if (metadata == null || !metadata.containsKey(entry.getKey())) {
            metadata = with(metadata, entry.getKey(), entry.getValue());
          }
        }
      }
      if (builder.tags != null) {
        for (String tag : builder.tags) {
          tags = tags == null ? new ArrayList<>() : tags;
          if (!tags.contains(tag)) {
            tags.add(tag);
          }
        }
      }
      if (builder.modelId != null) {
        modelId = builder.modelId; // the one closest to the call: a default or a guess otherwise
      }
      if (prompt == null) {
        prompt = builder.prompt;
      }
      return true;
    }
  }

  /** Used by {@code SpanBuilder.startDetached()}: releases what {@link #initFrom} wrote. */
  void publish() {
    synchronized (lock) {
      // nothing to change: taking and releasing the lock is the point
    }
  }

  TraceState trace() {
    return trace;
  }

  /** This span's budget, made (once, whichever thread is first) when first needed. */
  private CaptureBudget budget() {
    CaptureBudget current = budget;
    if (current == null) {
      CaptureBudget made = trace.captureBudget().forSpan();
      Object witness = BUDGET.compareAndExchange(this, null, made);
      current = witness == null ? made : (CaptureBudget) witness;
    }
    return current;
  }

  /** The counters of the runtime this span belongs to. */
  private Counters counters() {
    return trace.tracer().counters();
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
  public boolean isRecording() {
    return !ended;
  }

  // Values are captured (which may run application code: iterators, toString of a CharSequence)
  // before the span's lock is taken, so that no other thread ever waits on application code.

  @Override
  public Span setInput(String key, Object value) {
    String k = capturedKey("setInput", "name", key);
    if (k != null) {
      Object captured = Snapshotter.capture(value, budget());
      synchronized (lock) {
        if (!ended) {
          kwargs = with(kwargsShared ? new LinkedHashMap<>(kwargs) : kwargs, k, captured);
          kwargsShared = false;
        }
      }
    }
    return this;
  }

  @Override
  public Span setArgs(Object... values) {
    if (!ended) {
      List<Object> captured = new ArrayList<>(values == null ? 0 : values.length);
      if (values != null) { // a null array means no positional arguments, as on the builder
        for (Object value : values) {
          captured.add(Snapshotter.capture(value, budget()));
        }
      }
      synchronized (lock) {
        if (!ended) {
          args = captured;
        }
      }
    }
    return this;
  }

  @Override
  public Span setLocal(String key, Object value) {
    String k = capturedKey("setLocal", "name", key);
    if (k != null) {
      Object captured = Snapshotter.capture(value, budget());
      synchronized (lock) {
        if (!ended) {
          locals = with(locals, k, captured);
        }
      }
    }
    return this;
  }

  @Override
  public Span setSelf(Object receiver) {
    if (!ended) {
      Object captured = Snapshotter.capture(receiver, budget());
      synchronized (lock) {
        if (!ended) {
          self = captured;
        }
      }
    }
    return this;
  }

  @Override
  public Span setOutput(Object value) {
    if (!ended) {
      Object captured = Snapshotter.capture(value, budget());
      synchronized (lock) {
        if (!ended) {
          output = captured;
        }
      }
    }
    return this;
  }

  /** The metadata value under {@code key}, or null. */
  @Nullable Object metadataValue(String key) {
    synchronized (lock) {
      return metadata == null ? null : metadata.get(key);
    }
  }

  @Override
  public Span setMetadata(String key, Object value) {
    String k = capturedKey("setMetadata", "key", key);
    if (k != null) {
      Object captured = Snapshotter.capture(value, budget());
      synchronized (lock) {
        if (!ended) {
          metadata = with(metadata, k, captured);
        }
      }
    }
    return this;
  }

  /** {@code map} (created when null) with {@code key} set to {@code value}. */
  private static Map<String, Object> with(Map<String, Object> map, String key, Object value) {
    Map<String, Object> out = map == null ? new LinkedHashMap<>() : map;
    out.put(key, value);
    return out;
  }

  /**
   * A key as kept (cut, with the look-ahead redaction needs), charged to the budget; null when
   * the key is null (ignored and counted against {@code method}), the span has ended, or the
   * budget cannot pay for another entry.
   */
  private String capturedKey(String method, String argument, String key) {
    if (!SpanArguments.present(counters(), method, argument, key) || ended) {
      return null;
    }
    String k = Snapshotter.key(key);
    long cost = k.length() + CaptureLimits.NODE_COST_CHARS;
    return budget().take(cost) == cost ? k : null;
  }

  @Override
  public Span addTag(String tag) {
    if (SpanArguments.present(counters(), "addTag", "tag", tag)) {
      synchronized (lock) {
        if (!ended) {
          if (tags == null) {
            tags = new ArrayList<>(2);
          }
          tags.add(tag);
        }
      }
    }
    return this;
  }

  @Override
  public Span setModel(String model) {
    synchronized (lock) {
      if (!ended) {
        modelId = model;
      }
    }
    return this;
  }

  @Override
  public Span setPrompt(String text) {
    if (!ended) {
      Object captured = Snapshotter.text(text, budget());
      synchronized (lock) {
        if (!ended) {
          prompt = captured;
        }
      }
    }
    return this;
  }

  @Override
  public Span setPromptReference(String name, int version) {
    if (SpanArguments.validPromptReference(counters(), name, version)) {
      setMetadata(PromptReference.NAME_KEY, name);
      setMetadata(PromptReference.VERSION_KEY, version);
    }
    return this;
  }

  @Override
  public Span setResponse(String text) {
    if (!ended) {
      Object captured = Snapshotter.text(text, budget());
      synchronized (lock) {
        if (!ended) {
          response = captured;
        }
      }
    }
    return this;
  }

  @Override
  public Span setUsage(long inputTokens, long outputTokens) {
    if (!SpanArguments.validUsage(counters(), inputTokens, outputTokens)) {
      return this;
    }
    Usage value = Usage.of(inputTokens, outputTokens, 0, 0, 0);
    synchronized (lock) {
      if (!ended) {
        keepUsage(value);
      }
    }
    return this;
  }

  @Override
  public Span setCost(double inputCost, double outputCost) {
    if (!SpanArguments.validCost(counters(), inputCost, outputCost)) {
      return this;
    }
    Cost value = Cost.of(inputCost, outputCost);
    synchronized (lock) {
      if (!ended) {
        keepCost(value);
      }
    }
    return this;
  }

  /** Keeps plausible usage; implausible usage is dropped, counted and the span says so. Holds the lock. */
  private void keepUsage(Usage value) {
    usage = value.plausible() ? value : null;
    mark(LlmMarks.USAGE_IMPLAUSIBLE, !value.plausible(), LlmMarks.USAGE_DROPPED_COUNTER);
  }

  /** Keeps a plausible cost; another is dropped, counted and the span says so. Holds the lock. */
  private void keepCost(Cost value) {
    cost = value.plausible() ? value : null;
    mark(LlmMarks.COST_IMPLAUSIBLE, !value.plausible(), LlmMarks.COST_DROPPED_COUNTER);
  }

  /** Prices the usage at the end of a generation, unless its cost was found implausible. */
  private void priceUsage() {
    if (metadata != null && metadata.containsKey(LlmMarks.COST_IMPLAUSIBLE)) {
      return;
    }
    Cost computed = GenerationCost.of(trace.tracer().prices(), modelId, usage);
    if (computed != null) {
      keepCost(computed);
    }
  }

  private void mark(String key, boolean set, String counter) {
    if (set) {
      if (metadata == null) {
        metadata = new LinkedHashMap<>();
      }
      metadata.put(key, true);
      trace.tracer().counters().increment(counter);
      SdkLog.warnOnce("span-" + key, "llmops: a generation span was given a value no model "
          + "call can have; it is left out, counted as " + counter + " and the span marked "
          + key + " (docs/LLM.md)");
    } else if (metadata != null) {
      metadata.remove(key);
    }
  }

  @Override
  public Span recordLlmResponse(Object raw) {
    try {
      recordReadResponse(raw);
    } catch (Throwable e) {
      SdkLog.errorOnce("span-llm-response", "llmops: could not record a model response", e);
    }
    return this;
  }

  private void recordReadResponse(Object raw) {
    LlmResponse read = ResponseReaders.read(raw, trace.tracer().responseReaders());
    Object captured = raw == null || raw instanceof LlmResponse ? null : ResponseReaders.capture(raw);
    Object text = read == null ? null : ResponseReaders.text(read.text());
    Object promptText = read == null ? null : ResponseReaders.text(read.prompt());
    Usage readUsage = read == null ? null : GenerationCost.usage(read);
    List<Object> toolCalls = read == null ? List.of() : ResponseReaders.toolCalls(read);
    if (read == null && raw != null) {
      UnreadResponses.warn(raw, trace.tracer().responseReaders()); // logged outside the lock
    }
    synchronized (lock) {
      if (ended) {
        return;
      }
      if (captured != null && output == null) {
        output = captured;
      }
      if (read == null) {
        if (raw != null) {
          markIncomplete(UnreadResponses.REASON);
        }
        return;
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
        keepUsage(readUsage);
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
      if (read.incomplete() != null) {
        markIncomplete(read.incomplete());
      }
    }
  }

  /** Says why the response was not read whole, and counts it. Holds the lock. */
  private void markIncomplete(String reason) {
    metadata = with(metadata, LlmMarks.RESPONSE_INCOMPLETE, reason);
    counters().increment(LlmMarks.INCOMPLETE_COUNTER_PREFIX + reason);
  }

  @Override
  public Span setLevel(SpanLevel value) {
    if (SpanArguments.present(counters(), "setLevel", "level", value)) {
      synchronized (lock) {
        if (!ended) {
          level = value;
        }
      }
    }
    return this;
  }

  @Override
  public Span setStatusMessage(String message) {
    String kept = Errors.keepMessage(message);
    synchronized (lock) {
      if (!ended) {
        statusMessage = kept;
      }
    }
    return this;
  }

  @Override
  public Span recordException(Throwable failure) {
    if (!SpanArguments.present(counters(), "recordException", "error", failure)) {
      return this;
    }
    ErrorInfo info = Errors.capture(failure);
    synchronized (lock) {
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
  void setInputSection(String key, Object value) {
    String k = capturedKey("setInputSection", "key", key);
    if (k != null) {
      Object captured = Snapshotter.capture(value, budget());
      synchronized (lock) {
        if (!ended) {
          inputSections = with(inputSections, k, captured);
        }
      }
    }
  }

  /** Marks the span failed with an already-captured error (a failure reported as text). */
  void recordFailure(ErrorInfo info) {
    synchronized (lock) {
      if (!ended && info != null) {
        error = info;
        level = SpanLevel.ERROR;
        if (statusMessage == null) {
          statusMessage = info.message();
        }
      }
    }
  }

  @Override
  public Scope makeCurrent() {
    return ContextStorage.makeCurrent(new ActiveContext(trace, this));
  }

  /**
   * Used by {@code SpanBuilder.start()}: the span ends this scope when it is closed. Releases
   * what {@link #initFrom} wrote, with the scope.
   */
  void makeOwnCurrent() {
    Scope scope = makeCurrent();
    synchronized (lock) {
      ownScope = scope;
    }
  }

  @Override
  public void end() {
    finish(false);
  }

  /**
   * Ends the span (once); with {@code takeOwnScope}, also takes the scope {@code start()} opened,
   * in the same hold of the lock, for the caller to close. Returns that scope, or null.
   */
  private Scope finish(boolean takeOwnScope) {
    SpanData data;
    Scope scope = null;
    synchronized (lock) {
      if (takeOwnScope) {
        scope = ownScope;
        ownScope = null;
      }
      if (ended) {
        return scope;
      }
      ended = true;
      if (type == SpanType.GENERATION) {
        if (modelId == null) {
          modelId = trace.tracer().config().defaultModelId();
        }
        if (usage != null && cost == null) {
          priceUsage();
        }
      }
      data = data(trace.tracer().clock().nowMicros(), metadata == null ? Map.of() : metadata);
    }
    trace.spanEnded(data);
    if (implicitRoot) {
      trace.finalizeTrace(null, null, null, traceInput(data), data.output());
    }
    return scope;
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
    SpanData sofar = openSnapshot(trace.tracer().clock().nowMicros());
    if (sofar != null) {
      trace.finalizeTrace(null, null, null, traceInput(sofar), null);
      trace.send(true);
    }
  }

  /**
   * The span's data so far, ending now and marked {@value TraceState#OPEN_KEY} in its
   * metadata, or null once it has ended.
   */
  SpanData openSnapshot(long nowMicros) {
    synchronized (lock) {
      return openSnapshotLocked(nowMicros);
    }
  }

  private SpanData openSnapshotLocked(long nowMicros) {
    if (ended) {
      return null;
    }
    Map<String, Object> flagged =
        metadata == null ? new LinkedHashMap<>() : new LinkedHashMap<>(metadata);
    flagged.put(TraceState.OPEN_KEY, true);
    // the span goes on recording: the export worker gets copies, not the maps still written to
    SpanData live = data(nowMicros, flagged);
    return new SpanData(live.spanId(), live.parentSpanId(), live.name(), live.type(),
        live.startMicros(), live.endMicros(), live.args(), new LinkedHashMap<>(live.kwargs()),
        new LinkedHashMap<>(live.locals()), live.self(), live.output(), live.modelId(),
        live.prompt(), live.response(), live.usage(), live.cost(), flagged,
        new ArrayList<>(live.tags()), live.level(), live.statusMessage(), live.error(),
        new LinkedHashMap<>(live.inputSections()));
  }

  @Override
  public void close() {
    try {
      Scope scope = finish(true);
      if (scope != null) {
        scope.close();
      }
    } catch (RuntimeException e) {
      SdkLog.errorOnce("span-close", "Failed to close span", e);
    }
  }

  @Override
  public String toString() {
    return "Span{" + name + ", " + type.wireName() + ", " + spanId + "}";
  }

  /** A call made on this span with the trace's headers got an answer whose headers were read. */
  void externalAnswerRead() {
    externalAnswerRead = true;
  }

  /** Whether {@link #externalAnswerRead()} happened. */
  boolean hasExternalAnswerRead() {
    return externalAnswerRead;
  }
}
