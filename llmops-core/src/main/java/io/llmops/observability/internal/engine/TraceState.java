package io.llmops.observability.internal.engine;

import io.llmops.observability.internal.capture.CaptureBudget;
import io.llmops.observability.internal.capture.CaptureLimits;
import io.llmops.observability.internal.common.Counters;
import io.llmops.observability.spi.SdkLog;
import io.llmops.observability.internal.model.Segment;
import io.llmops.observability.internal.model.SpanData;
import io.llmops.observability.internal.model.TraceData;
import io.llmops.observability.internal.wire.WireFields;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;

/**
 * A trace in progress. Spans from any thread add their ended data here; the trace is sent once it
 * has been finalized and its last open span has ended, or when the finalize grace runs out.
 * Internal.
 */
final class TraceState {

  /** Span metadata key marking a span sent while still open (its data so far). */
  static final String OPEN_KEY = "llmops.open";
  private static final int AWAITED_SWEEP = 256;

  final String traceId;
  final String projectId;
  final String environment;
  final long startMicros;
  final Map<String, Object> metadata;
  final List<String> tags;
  /** This message's own id when it is a child segment of a trace recorded elsewhere, else null. */
  final String segmentId;
  /** The parent of this trace's spans that start without one: a child segment's calling span. */
  final String rootParentSpanId;

  private final Tracer tracer;
  private final CaptureBudget captureBudget = CaptureBudget.forTrace();
  private final ConcurrentLinkedQueue<SpanData> ended = new ConcurrentLinkedQueue<>();
  /** Spans that outlive their call: sent with their data so far if still open at sending. */
  private final ConcurrentLinkedQueue<SpanState> awaited = new ConcurrentLinkedQueue<>();
  private final AtomicInteger awaitedSinceSweep = new AtomicInteger();
  private final AtomicInteger openSpans = new AtomicInteger();
  private final AtomicInteger endedCount = new AtomicInteger();
  private final AtomicBoolean finalizing = new AtomicBoolean();
  private final AtomicBoolean sent = new AtomicBoolean();
  /** How many times this trace's headers were given to a call to another service. */
  private final AtomicLong headersGiven = new AtomicLong();
  private volatile boolean externalSegmentExpected;
  private final ExternalSegments externalSegments = new ExternalSegments();

  // Written once by the finalizing thread before `finalizing` is set, read after it.
  private volatile String name;
  private String userId;
  private String sessionId;
  private Object input;
  private Object output;
  private long endMicros;

  TraceState(Tracer tracer, String traceId, String name, String projectId, String environment,
      String userId, String sessionId, Map<String, Object> metadata, List<String> tags,
      String segmentId, String rootParentSpanId) {
    this.tracer = tracer;
    this.segmentId = segmentId;
    this.rootParentSpanId = rootParentSpanId;
    this.traceId = traceId;
    this.name = name;
    this.projectId = projectId;
    this.environment = environment;
    this.userId = userId;
    this.sessionId = sessionId;
    this.metadata = metadata;
    this.tags = tags;
    this.startMicros = tracer.clock().nowMicros();
  }

  /** True once finalize was requested: the trace is no longer the active trace of anyone. */
  boolean isFinalizing() {
    return finalizing.get();
  }

  boolean isSent() {
    return sent.get();
  }

  /** Counts a span as open; false when the trace was already sent (the span would be late). */
  boolean spanStarted() {
    openSpans.incrementAndGet();
    if (sent.get()) {
      openSpans.decrementAndGet();
      return false;
    }
    return true;
  }

  void spanEnded(SpanData data) {
    if (sent.get()) {
      tracer.counters().increment(Counters.SPANS_LATE);
      SdkLog.warnOnce("late-span", "A span ended after its trace " + traceId
          + " was sent (raise LLMOPS_FINALIZE_GRACE or end spans before finalizing); it is not exported");
      return;
    }
    if (endedCount.incrementAndGet() <= tracer.maxSpansPerTrace) {
      ended.add(data);
      tracer.spansRecorded.increment();
    } else {
      tracer.counters().increment(Counters.DROPPED_SPAN_LIMIT);
      SdkLog.warnOnce("span-limit", "Trace " + traceId + " reached LLMOPS_MAX_SPANS_PER_TRACE ("
          + tracer.maxSpansPerTrace + "); further spans are dropped");
    }
    if (openSpans.decrementAndGet() == 0 && finalizing.get()) {
      send(false);
    }
  }

  /**
   * Requests the trace to be sent with these trace-level values (null keeps the current one).
   * Returns false when it was already finalized.
   */
  boolean finalizeTrace(String userId, String sessionId, String name, Object input, Object output) {
    if (finalizing.get()) {
      return false;
    }
    synchronized (this) {
      if (finalizing.get()) {
        return false;
      }
      if (userId != null) {
        this.userId = userId;
      }
      if (sessionId != null) {
        this.sessionId = sessionId;
      }
      if (name != null) {
        this.name = name;
      }
      this.input = input;
      this.output = output;
      this.endMicros = tracer.clock().nowMicros();
      finalizing.set(true);
    }
    tracer.counters().increment(Counters.TRACES_FINALIZED);
    if (openSpans.get() == 0) {
      send(false);
    } else {
      tracer.awaitOpenSpans(this);
    }
    return true;
  }

  /** Sends at most once; {@code force} sends even with spans still open (grace expired). */
  void send(boolean force) {
    if (!force && openSpans.get() != 0) {
      return;
    }
    if (!sent.compareAndSet(false, true)) {
      return;
    }
    List<SpanData> spans = new ArrayList<>(ended);
    spans.addAll(openSnapshots());
    int stillOpen = Math.max(0, openSpans.get());
    if (stillOpen > 0) {
      tracer.counters().increment(Counters.TRACES_SENT_WITH_OPEN_SPANS);
    }
    Map<String, Object> exportedMetadata = metadata;
    if (captureBudget.isExhausted()) {
      tracer.counters().increment(Counters.CAPTURE_BUDGET_EXHAUSTED);
      SdkLog.warnOnce("capture-budget", "Trace " + traceId + " captured more than its budget "
          + "allows (" + CaptureLimits.MAX_SPAN_CHARS + " characters per span, "
          + CaptureLimits.MAX_TRACE_CHARS + " per trace); further values were left out");
      exportedMetadata = new java.util.LinkedHashMap<>(metadata);
      exportedMetadata.put(WireFields.LLMOPS_CAPTURE_BUDGET_EXHAUSTED, true);
    }
    TraceData data;
    synchronized (this) {
      data = new TraceData(traceId, name, projectId, environment, userId, sessionId, startMicros,
          endMicros, input, output, exportedMetadata, tags, spans, stillOpen,
          captureBudget.used(), segment());
    }
    tracer.submit(data);
  }

  String name() {
    return name;
  }

  /** What the trace's spans, metadata, input and output may still capture. */
  CaptureBudget captureBudget() {
    return captureBudget;
  }

  /**
   * {@code span} outlives its call: if still open when this trace is sent, it goes with it. The
   * spans that ended meanwhile are let go now and then, so that a long trace does not keep them.
   */
  void awaitSpan(SpanState span) {
    awaited.add(span);
    if (awaitedSinceSweep.incrementAndGet() >= AWAITED_SWEEP) {
      awaitedSinceSweep.set(0);
      awaited.removeIf(each -> !each.isRecording());
    }
  }

  /** Runs {@code action} once {@code LLMOPS_FINALIZE_GRACE} has passed, unless {@code done} by then. */
  void afterGrace(Runnable action, BooleanSupplier done) {
    tracer.afterGrace(action, done);
  }

  /** The awaited spans still open: their data so far, marked {@value #OPEN_KEY}. */
  private List<SpanData> openSnapshots() {
    List<SpanData> open = new ArrayList<>();
    long now = tracer.clock().nowMicros();
    for (SpanState span : awaited) {
      SpanData sofar = span.openSnapshot(now);
      if (sofar != null) {
        open.add(sofar);
      }
    }
    return open;
  }

  /**
   * A child segment of this trace for a span under {@code parentSpanId} that starts after this
   * trace was sent (an evaluation recorded late): a new message with this trace's id, name,
   * project, environment, user, session, metadata and tags, merged by the processor.
   */
  TraceState lateSegment(String parentSpanId) {
    String user;
    String session;
    synchronized (this) {
      user = userId;
      session = sessionId;
    }
    return new TraceState(tracer, traceId, name, projectId, environment, user, session,
        metadata, tags, Ids.uuid(), parentSpanId);
  }

  /** Counts this trace's headers given to a call. */
  void countHeadersGiven() {
    headersGiven.incrementAndGet();
  }

  /** How many times this trace's headers were given to a call so far. */
  long headersGiven() {
    return headersGiven.get();
  }

  /** Another service answered a call with this trace's headers: its segment is on its way. */
  void expectExternalSegment() {
    externalSegmentExpected = true;
  }

  /**
   * Whether this trace is the segment another service's call asked for, so that the answer names
   * it: such a segment hangs under the caller's 16-hex W3C span id, a late evaluation segment
   * under a full span id.
   */
  boolean answersCaller() {
    return segmentId != null && rootParentSpanId != null && rootParentSpanId.length() == 16;
  }

  /** The child segments this trace's own calls produced, as their answers named them. */
  ExternalSegments externalSegments() {
    return externalSegments;
  }

  private Segment segment() {
    Segment segment = segmentId == null ? Segment.WHOLE : Segment.child(segmentId);
    return segment.withExternalSegments(externalSegmentExpected || externalSegments.any(),
        externalSegments.expected());
  }

  /** The runtime this trace belongs to. */
  Tracer tracer() {
    return tracer;
  }
}
