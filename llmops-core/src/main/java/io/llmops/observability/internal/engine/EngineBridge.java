package io.llmops.observability.internal.engine;

import io.llmops.observability.CostBreakdown;
import io.llmops.observability.LlmResponse;
import io.llmops.observability.LlmopsConfig;
import io.llmops.observability.LlmopsContext;
import io.llmops.observability.LlmopsEngine;
import io.llmops.observability.LlmopsSettings;
import io.llmops.observability.ModelPrice;
import io.llmops.observability.Scope;
import io.llmops.observability.RemoteParent;
import io.llmops.observability.SettingKey;
import io.llmops.observability.Span;
import io.llmops.observability.SpanBuilder;
import io.llmops.observability.SpanType;
import io.llmops.observability.TraceBuilder;
import io.llmops.observability.TraceHeaders;
import io.llmops.observability.internal.bridge.CoreBridge;
import io.llmops.observability.internal.common.Counters;
import io.llmops.observability.internal.common.HexIds;
import io.llmops.observability.internal.config.LayeredSettings;
import io.llmops.observability.internal.export.SinkFactory;
import io.llmops.observability.internal.llm.ResponseReaders;
import io.llmops.observability.internal.model.ErrorInfo;
import io.llmops.observability.internal.pricing.PriceTable;
import io.llmops.observability.internal.propagation.IncomingHeaders;
import io.llmops.observability.internal.propagation.OutgoingHeaders;
import io.llmops.observability.spi.SdkLog;
import io.llmops.observability.spi.SinkProvider;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * The engine's side of both doors into it: the public API's facades ({@link LlmopsEngine}) and
 * the SPI that modules use ({@link CoreBridge}), each done against the running runtime. Created
 * by name, so that neither the API package nor the SPI refers to the engine. Internal.
 */
public final class EngineBridge implements CoreBridge {

  private static final String EXTERNAL_SERVICE = "external.service";

  @Override
  public void configure(LlmopsConfig config) {
    Tracer.install(config, EpochClock.SYSTEM);
  }

  @Override
  public LlmopsConfig config() {
    return Tracer.get().config();
  }

  @Override
  public Map<String, Long> counters() {
    return Tracer.get().counters().snapshot();
  }

  @Override
  public boolean flush(Duration timeout) {
    return Tracer.get().flush(timeout);
  }

  @Override
  public boolean shutdown(Duration timeout) {
    return Tracer.shutdownInstalled(timeout);
  }

  @Override
  public TraceBuilder traceBuilder(String name) {
    return Tracer.get().traceBuilder(name);
  }

  @Override
  public String currentTraceId() {
    return Tracer.get().currentTraceId();
  }

  @Override
  public boolean finalizeTrace(
      String userId, String sessionId, String name, Object input, Object output) {
    return Tracer.get().finalizeTrace(userId, sessionId, name, input, output);
  }

  @Override
  public SpanBuilder spanBuilder(String name, SpanType type) {
    return Tracer.get().spanBuilder(name, type);
  }

  @Override
  public Span currentSpan() {
    return Tracer.get().currentSpan();
  }

  @Override
  public <V> ConcurrentHashMap<String, V> openRegistry(String kind) {
    return Tracer.get().openRegistry(kind);
  }

  @Override
  public void ignoredInvalidArgument(String method, String argument) {
    InvalidArguments.ignored(method, argument);
  }

  @Override
  public void dropped(String reason, String warning) {
    Tracer.get().counters().add(Counters.DROPPED_PREFIX + reason, 1);
    SdkLog.warnOnce(Counters.DROPPED_PREFIX + reason, warning);
  }

  @Override
  public Map<String, String> propagationHeaders(Span span) {
    SpanState state = recorded(span);
    if (state == null) {
      return Map.of();
    }
    Map<String, String> headers = OutgoingHeaders.of(state.traceId(), state.spanId());
    if (!headers.isEmpty()) {
      state.trace().countHeadersGiven();
    }
    return headers;
  }

  @Override
  public long headersGiven(Span span) {
    SpanState state = recorded(span);
    return state == null ? 0 : state.trace().headersGiven();
  }

  @Override
  public void expectExternalSegment(Span span) {
    SpanState state = recorded(span);
    if (state != null) {
      state.trace().expectExternalSegment();
    }
  }

  @Override
  public void externalAnswer(Span span, String segmentHeader) {
    SpanState state = recorded(span);
    if (state == null) {
      return;
    }
    state.externalAnswerRead();
    if (segmentHeader == null) {
      return;
    }
    if (HexIds.isTraceId(segmentHeader)) {
      state.trace().externalSegments().answered(segmentHeader);
    } else {
      Tracer.get().counters().increment(Counters.PROPAGATION_HEADERS_IGNORED);
      SdkLog.warnOnce("propagation-ignored:segment", "llmops: ignored the "
          + TraceHeaders.LLMOPS_SEGMENT + " header of an answer (not a segment id); its segment "
          + "is not counted");
    }
  }

  @Override
  public boolean externalAnswerRead(Span span) {
    SpanState state = recorded(span);
    return state != null && state.hasExternalAnswerRead();
  }

  @Override
  public void externalAnswerUnread(Span span) {
    SpanState state = recorded(span);
    if (state != null) {
      state.trace().externalSegments().unfollowed();
    }
  }

  @Override
  public void headersGivenToUser(Span span) {
    SpanState state = recorded(span);
    // An ExternalCall's span follows its own answer (ExternalCall.close); any other carrier not.
    if (state != null && state.metadataValue(EXTERNAL_SERVICE) == null) {
      state.trace().externalSegments().unfollowed();
    }
  }

  @Override
  public Map<String, String> segmentResponseHeaders() {
    TraceState trace = ContextStorage.current().trace;
    return trace != null && trace.answersCaller()
        ? Map.of(TraceHeaders.LLMOPS_SEGMENT, trace.segmentId) : Map.of();
  }

  @Override
  public RemoteParent readRemoteParent(
      Function<String, ? extends Iterable<String>> headerValues) {
    IncomingHeaders.Reading reading = IncomingHeaders.read(headerValues);
    if (reading.ignoredBecause() != null) {
      Tracer.get().counters().increment(Counters.PROPAGATION_HEADERS_IGNORED);
      SdkLog.warnOnce("propagation-ignored:" + reading.ignoredBecause(), "llmops: ignored the "
          + "trace headers of a request (" + reading.ignoredBecause() + "); it is traced as if "
          + "they were absent");
    }
    return reading.parent();
  }

  /** The span state behind {@code span}, or null for the no-op span. */
  private static SpanState recorded(Span span) {
    if (span instanceof SpanState state) {
      return state;
    }
    return span instanceof JoinedGeneration joined ? joined.joined() : null;
  }

  @Override
  public void readContextsWith(Function<LlmopsContext, Object> reader) {
    ContextAccess.setReader(reader);
  }

  @Override
  public Object currentContext() {
    return ContextStorage.current();
  }

  @Override
  public Object emptyContext() {
    return ActiveContext.EMPTY;
  }

  @Override
  public Scope makeCurrent(Object context) {
    return ContextStorage.makeCurrent((ActiveContext) context);
  }

  @Override
  public Scope attach(Object context) {
    return ContextStorage.attach((ActiveContext) context);
  }

  @Override
  public String traceId(Object context) {
    return ((ActiveContext) context).traceId();
  }

  @Override
  public String spanId(Object context) {
    return ((ActiveContext) context).spanId();
  }

  @Override
  public LlmResponse readResponse(Object response) {
    return ResponseReaders.read(response, Tracer.get().responseReaders());
  }

  @Override
  public CostBreakdown cost(String modelId, long inputTokens, long outputTokens,
      long cacheReadTokens, long cacheWriteTokens) {
    return Tracer.get().prices().cost(modelId, inputTokens, outputTokens, cacheReadTokens,
        cacheWriteTokens, true);
  }

  @Override
  public ModelPrice price(String modelId) {
    return Tracer.get().prices().price(modelId);
  }

  @Override
  public String normalizeModelId(String modelId) {
    return PriceTable.normalize(modelId);
  }

  @Override
  public void setPrice(String modelId, ModelPrice price) {
    Tracer.get().prices().setOverride(modelId, price);
  }

  @Override
  public void removePrice(String modelId) {
    Tracer.get().prices().removeOverride(modelId);
  }

  @Override
  public String validatePriceFile(String path) {
    return PriceTable.validateFile(path);
  }

  @Override
  public ResolvedSettings resolveSettings(Map<String, String> explicit,
      Properties systemProperties, Map<String, String> environment, Path dotEnvFile) {
    LayeredSettings settings =
        LayeredSettings.of(explicit, systemProperties, environment, dotEnvFile);
    Map<String, SinkProvider> providers = SinkFactory.providers();
    List<SettingKey<?>> moduleKeys = new ArrayList<>();
    for (SinkProvider provider : providers.values()) {
      moduleKeys.addAll(provider.settings());
    }
    settings.validate(moduleKeys);
    settings.warnAboutUnknownVariables(moduleKeys);
    SinkFactory.validateNames(settings.get(LlmopsSettings.SINKS), providers);
    return settings;
  }

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
  public boolean isSensitiveKey(String key) {
    return Tracer.get().redactor().isSensitiveKey(key);
  }

  @Override
  public @Nullable Object metadataValue(Span span, String key) {
    SpanState state = recorded(span);
    return state == null ? null : state.metadataValue(key);
  }

  @Override
  public void warmUp(Class<?>... integrationClasses) {
    CaptureWarmUp.run(integrationClasses);
  }
}
