package io.llmops.observability.internal.engine;

import io.llmops.observability.LlmopsConfig;
import io.llmops.observability.LlmopsSettings;
import io.llmops.observability.RemoteParent;
import io.llmops.observability.Span;
import io.llmops.observability.SpanBuilder;
import io.llmops.observability.SpanType;
import io.llmops.observability.TraceBuilder;
import io.llmops.observability.internal.capture.CaptureBudget;
import io.llmops.observability.internal.capture.Snapshotter;
import io.llmops.observability.internal.common.Arguments;
import io.llmops.observability.internal.common.Counters;
import io.llmops.observability.internal.common.HexIds;
import io.llmops.observability.internal.common.Lazy;
import io.llmops.observability.internal.common.LoopThreads;
import io.llmops.observability.internal.export.ExportPipeline;
import io.llmops.observability.internal.export.PipelineFactory;
import io.llmops.observability.internal.llm.ResponseReaders;
import io.llmops.observability.internal.model.TraceData;
import io.llmops.observability.internal.pricing.PriceTable;
import io.llmops.observability.internal.wire.Redactor;
import io.llmops.observability.spi.LlmResponseReader;
import io.llmops.observability.spi.SdkLog;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.BooleanSupplier;
import org.jspecify.annotations.Nullable;

/**
 * The runtime behind the public API, built from one configuration in one place: its clock,
 * counters, price table, response readers, export pipeline and the registries of what is open
 * (transactions, crawl sessions). Spans and traces reach it through the trace they belong to,
 * never through the global holder, so runtimes built with {@link #create} (a test's own sink and
 * clock) work side by side. One is installed per process as the runtime of the static facades;
 * {@code Llmops.configure} installs a new one built from its configuration alone (prices set in
 * code start afresh), which adopts the old one's work in flight: traces finalized after the old
 * one's shutdown and open transactions and crawl sessions. Every entry point catches its own failures: the application
 * only ever sees IllegalArgumentException for bad arguments. Internal.
 */
public final class Tracer {

  /** Metadata of a trace started for a caller that does not merge segments: its W3C span id. */
  static final String REMOTE_PARENT_KEY = "llmops.remote_parent_span_id";

  private static volatile Tracer current;
  /** The JVM exit's hook while one is registered (guarded by the class). */
  private static @Nullable Thread shutdownHook;

  private final LlmopsConfig config;
  private final Counters counters = new Counters();
  final LongAdder spansRecorded = counters.adder(Counters.SPANS_RECORDED);
  final int maxSpansPerTrace;
  private final EpochClock clock;
  private final Redactor redactor;
  private final ExportPipeline pipeline;
  private final GraceTimer graceTimer;
  private final ConcurrentHashMap<String, ConcurrentHashMap<String, ?>> openRegistries =
      new ConcurrentHashMap<>();
  private final Lazy<PriceTable> prices;
  private final Lazy<List<LlmResponseReader>> responseReaders =
      new Lazy<>(ResponseReaders::discover);
  /** The runtime installed after this one; traces finalized after this one's shutdown go there. */
  private volatile Tracer successor;

  private Tracer(LlmopsConfig config, EpochClock clock) {
    this.config = config;
    this.clock = clock;
    this.maxSpansPerTrace = config.maxSpansPerTrace();
    this.redactor = new Redactor(config.redactKeys());
    this.pipeline = config.enabled() ? PipelineFactory.create(config, counters, redactor) : null;
    this.graceTimer = new GraceTimer(config.finalizeGrace(), counters, LoopThreads.daemons());
    this.prices = new Lazy<>(() -> PriceTable.forFile(config.get(LlmopsSettings.PRICING_FILE)));
  }

  /** The installed runtime, created from the environment on first use. */
  public static Tracer get() {
    Tracer tracer = current;
    return tracer != null ? tracer : initFromEnvironment();
  }

  private static synchronized Tracer initFromEnvironment() {
    if (current == null) {
      try {
        // configuration and sink creation (a sink module validates its own settings) both run here
        install(LlmopsConfig.fromEnvironment(), EpochClock.SYSTEM);
      } catch (RuntimeException e) {
        SdkLog.error("llmops: invalid configuration, tracing is disabled: " + e.getMessage(), null);
        install(disabledConfig(), EpochClock.SYSTEM);
      }
    }
    return current;
  }

  private static LlmopsConfig disabledConfig() {
    return LlmopsConfig.builder().enabled(false).environmentVariables(Map.of())
        .systemProperties(new java.util.Properties()).dotEnvFile(null).build();
  }

  /**
   * A runtime for {@code config} that is not installed: the static facades do not see it, and
   * spans started with its builders belong to it alone. For tests and embedding; shut it down.
   */
  public static Tracer create(LlmopsConfig config, EpochClock clock) {
    return new Tracer(config, clock);
  }

  /** Installs a runtime for {@code config}, then shuts the previous one down (delivering its queue). */
  public static synchronized Tracer install(LlmopsConfig config, EpochClock clock) {
    Tracer previous = current;
    Tracer next = new Tracer(config, clock);
    current = next;
    installShutdownHook();
    if (previous != null) {
      previous.successor = next;
      next.adoptOpenWork(previous);
      previous.shutdown(previous.config.shutdownTimeout());
    }
    return next;
  }

  private static void installShutdownHook() {
    if (shutdownHook != null) {
      return;
    }
    Thread hook = new Thread(() -> {
      ExitTaskList.runAll(); // first: what they record is still exported
      Tracer tracer = current;
      if (tracer != null) {
        tracer.shutdown(tracer.config.shutdownTimeout());
      }
    }, "llmops-shutdown");
    try {
      Runtime.getRuntime().addShutdownHook(hook);
      shutdownHook = hook;
    } catch (IllegalStateException | SecurityException e) {
      SdkLog.warn("llmops: could not install a shutdown hook; call Llmops.shutdown() yourself");
    }
  }

  /**
   * {@code Llmops.shutdown}: the installed runtime sends what is left and stops, and the JVM
   * exit's hook goes, having nothing left to do (in a web application it would run after the
   * application's classes are gone); the next {@link #install} registers it again.
   */
  public static boolean shutdownInstalled(Duration timeout) {
    boolean sent = get().shutdown(timeout);
    removeShutdownHook();
    return sent;
  }

  private static synchronized void removeShutdownHook() {
    if (shutdownHook == null) {
      return;
    }
    try {
      Runtime.getRuntime().removeShutdownHook(shutdownHook);
      shutdownHook = null;
    } catch (IllegalStateException | SecurityException e) {
      // the JVM is exiting (shutdown called from a hook): the hook runs, finding nothing to do
    }
  }

  public LlmopsConfig config() {
    return config;
  }

  public Counters counters() {
    return counters;
  }

  EpochClock clock() {
    return clock;
  }

  /** The one redactor of this runtime: what its pipeline exports and what the SPI hands out. */
  public Redactor redactor() {
    return redactor;
  }

  /** The prices of this runtime: built in, overlaid by its price file and by prices set in code. */
  public PriceTable prices() {
    return prices.get();
  }

  /** The {@link LlmResponseReader}s on the class path, found when first needed. */
  public List<LlmResponseReader> responseReaders() {
    return responseReaders.get();
  }

  /**
   * This runtime's registry of open items of one {@code kind} (open transactions, open crawl
   * sessions) by id. Open items are work in flight, like open traces: a runtime that replaces
   * this one adopts them, and this one's registries are then its successor's.
   */
  @SuppressWarnings("unchecked")
  public <T> ConcurrentHashMap<String, T> openRegistry(String kind) {
    Tracer next = successor;
    if (next != null) {
      return next.openRegistry(kind);
    }
    return (ConcurrentHashMap<String, T>) openRegistries.computeIfAbsent(kind,
        k -> new ConcurrentHashMap<String, T>());
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private void adoptOpenWork(Tracer previous) {
    previous.openRegistries.forEach((kind, open) ->
        ((ConcurrentHashMap) openRegistry(kind)).putAll(open));
  }

  public SpanBuilder spanBuilder(String name, SpanType type) {
    Arguments.requireNonBlank(name, "name");
    if (type == null) {
      throw new IllegalArgumentException("type must not be null");
    }
    return new SpanBuilderImpl(this, name, type);
  }

  public TraceBuilder traceBuilder(String name) {
    return new TraceBuilderImpl(this, Arguments.requireNonBlank(name, "name"));
  }

  Span startSpan(SpanBuilderImpl builder) {
    if (pipeline == null) {
      return NoopSpan.INSTANCE;
    }
    try {
      ActiveContext parent = builder.parent != null ? builder.parent : ContextStorage.current();
      TraceState trace = parent.trace;
      SpanState parentSpan = parent.span;
      boolean implicitRoot = false;
      if (trace != null && trace.isSent() && parentSpan != null) {
        return builder.lateSegment ? lateSegmentSpan(trace, parentSpan, builder) : lateSpan(trace);
      }
      if (builder.type == SpanType.GENERATION && parentSpan != null && parentSpan.absorb(builder)) {
        counters.increment(Counters.GENERATIONS_JOINED);
        return new JoinedGeneration(parentSpan);
      }
      if (trace == null || trace.isSent() || (trace.isFinalizing() && parentSpan == null)) {
        if (!config.autoTrace()) {
          counters.increment(Counters.SPANS_WITHOUT_TRACE);
          SdkLog.warnOnce("no-trace", "A span started without an active trace and "
              + "LLMOPS_AUTO_TRACE=false; call TraceManager.startTrace first. It is not recorded");
          return NoopSpan.INSTANCE;
        }
        trace = newTrace(builder.name, null, null, null, null, Map.of(), List.of());
        parentSpan = null;
        implicitRoot = true;
      }
      SpanState span = new SpanState(trace,
          parentSpan == null ? trace.rootParentSpanId : parentSpan.spanId(),
          builder.name, builder.type, implicitRoot);
      span.initFrom(builder);
      // Counted open last: a failure before this point (say, the stack running out in the
      // woven code of a deep recursion) must not leave the trace waiting for a span that
      // does not exist.
      if (!trace.spanStarted()) {
        return builder.lateSegment && parentSpan != null
            ? lateSegmentSpan(trace, parentSpan, builder) : lateSpan(trace);
      }
      return span;
    } catch (RuntimeException e) {
      return internalError("start-span", e);
    }
  }

  /**
   * A span under {@code parentSpan} of a trace already sent, recorded as the only span of a child
   * segment of that trace, sent when the span ends. The processor merges it into the trace.
   */
  private Span lateSegmentSpan(TraceState trace, SpanState parentSpan, SpanBuilderImpl builder) {
    TraceState segment = trace.lateSegment(parentSpan.spanId());
    counters.increment(Counters.TRACES_LATE_SEGMENTS);
    segment.spanStarted();
    SpanState span = new SpanState(segment, segment.rootParentSpanId, builder.name, builder.type,
        true);
    span.initFrom(builder);
    return span;
  }

  private Span lateSpan(TraceState trace) {
    counters.increment(Counters.SPANS_LATE);
    SdkLog.warnOnce("late-span-start", "A span started after its trace " + trace.traceId
        + " was sent; it is not recorded");
    return NoopSpan.INSTANCE;
  }

  private Span internalError(String key, RuntimeException e) {
    counters.increment(Counters.INTERNAL_ERRORS);
    SdkLog.errorOnce(key, "llmops internal error; the application is unaffected", e);
    return NoopSpan.INSTANCE;
  }

  /** The new trace's id, or null when none was started. */
  String startTrace(TraceBuilderImpl b) {
    if (pipeline == null) {
      return null;
    }
    try {
      TraceState trace = b.remoteParent == null
          ? newTrace(b.name, b.projectId, b.environment, b.userId, b.sessionId,
              Map.copyOf(b.metadata), b.tags)
          : resumedTrace(b);
      trace.captureBudget().charge(b.budget);
      TraceState abandoned = ContextStorage.startTrace(trace);
      if (abandoned != null) {
        counters.increment(Counters.TRACES_REPLACED);
        SdkLog.warnOnce("trace-replaced", "startTrace replaced trace " + abandoned.traceId
            + ", which was still active on this thread and had not been finalized");
      }
      return trace.traceId;
    } catch (RuntimeException e) {
      internalError("start-trace", e);
      return null;
    }
  }

  private TraceState newTrace(String name, String projectId, String environment, String userId,
      String sessionId, Map<String, Object> metadata, List<String> tags) {
    return newTrace(Ids.uuid(), null, null, name, projectId, environment, userId, sessionId,
        metadata, tags);
  }

  /**
   * The work a caller in another process asked for: a child segment of the caller's trace when
   * the caller merges segments, else an ordinary trace with the caller's W3C trace id that
   * names the calling span in its metadata (docs/DISTRIBUTED_TRACING.md).
   */
  private TraceState resumedTrace(TraceBuilderImpl b) {
    RemoteParent remote = b.remoteParent;
    if (remote.childSegment()) {
      counters.increment(Counters.TRACES_RESUMED);
      return newTrace(remote.traceId(), Ids.uuid(), remote.parentSpanId(), b.name, b.projectId,
          b.environment, b.userId, b.sessionId, Map.copyOf(b.metadata), b.tags);
    }
    Map<String, Object> metadata = new LinkedHashMap<>(b.metadata);
    metadata.put(REMOTE_PARENT_KEY, remote.parentSpanId());
    return newTrace(HexIds.dashed(HexIds.digits(remote.traceId())), null, null, b.name,
        b.projectId, b.environment, b.userId, b.sessionId,
        java.util.Collections.unmodifiableMap(metadata), b.tags);
  }

  private TraceState newTrace(String traceId, String segmentId, String rootParentSpanId,
      String name, String projectId, String environment, String userId, String sessionId,
      Map<String, Object> metadata, List<String> tags) {
    counters.increment(Counters.TRACES_STARTED);
    UnwovenAnnotations.look();
    return new TraceState(this, traceId, name,
        projectId != null ? projectId : config.projectId(),
        environment != null ? environment : config.environment(),
        userId, sessionId, metadata, tags, segmentId, rootParentSpanId);
  }

  public boolean finalizeTrace(
      String userId, String sessionId, String name, Object input, Object output) {
    try {
      TraceState trace = ContextStorage.current().trace;
      if (trace == null || trace.isFinalizing()) {
        return false;
      }
      // the trace's own frame leaves the context as soon as the trace is finalizing; spans of
      // the trace still open stay current until they are closed
      CaptureBudget io = trace.captureBudget().forSpan();
      return trace.finalizeTrace(userId, sessionId, name,
          Snapshotter.capture(input, io), Snapshotter.capture(output, io));
    } catch (RuntimeException e) {
      internalError("finalize", e);
      return false;
    }
  }

  public String currentTraceId() {
    TraceState trace = ContextStorage.current().trace;
    return trace == null || trace.isFinalizing() ? null : trace.traceId;
  }

  /** The current span, or the no-op span. */
  public Span currentSpan() {
    SpanState span = ContextStorage.current().span;
    return span == null ? NoopSpan.INSTANCE : span;
  }

  void awaitOpenSpans(TraceState trace) {
    afterGrace(() -> trace.send(true), trace::isSent);
  }

  /**
   * Runs {@code action} once {@code LLMOPS_FINALIZE_GRACE} has passed, unless {@code done} by then.
   * After shutdown the runtime that replaced this one waits instead; with none, it runs now.
   */
  void afterGrace(Runnable action, BooleanSupplier done) {
    for (Tracer target = this; target != null; target = target.successor) {
      if (target.graceTimer.schedule(action, done)) {
        return;
      }
    }
    if (!done.getAsBoolean()) {
      action.run(); // nothing waits any more: it goes out now with what it has
    }
  }

  /** Hands a finished trace to the pipeline; after shutdown, to the runtime that replaced this one. */
  void submit(TraceData data) {
    Tracer target = this;
    while (target.pipeline.isShutdown() && target.successor != null
        && target.successor.pipeline != null) {
      target = target.successor;
    }
    target.pipeline.submit(data);
  }

  public boolean flush(Duration timeout) {
    return pipeline == null || pipeline.flush(timeout);
  }

  /** Sends what is left and stops; the runtime's threads have returned when it returns in time. */
  public boolean shutdown(Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    graceTimer.runAllNow(); // finalized traces still waiting for spans go out now
    boolean sent = pipeline == null || pipeline.shutdown(timeout);
    graceTimer.awaitEnd(deadline);
    return sent;
  }
}
