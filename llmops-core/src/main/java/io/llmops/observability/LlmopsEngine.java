package io.llmops.observability;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * The engine behind the static facades ({@link Llmops}, {@link TraceManager},
 * {@link Transactions}, {@link CrawlTelemetry}, {@link Pricing}, {@link LlmopsConfig},
 * {@link LlmopsContext}). It exists so that this package never refers to the engine's packages:
 * the engine implements it and the facades find the implementation by class name on first use,
 * the way an API finds its SDK.
 *
 * <p><b>Not for applications or integrations.</b> Applications use the facades; modules use
 * {@code io.llmops.observability.spi}. Every method may change in any release, and a build check
 * fails when a module other than {@code llmops-core} refers to this type.
 */
public interface LlmopsEngine {

  // The runtime.

  void configure(LlmopsConfig config);

  LlmopsConfig config();

  Map<String, Long> counters();

  boolean flush(Duration timeout);

  boolean shutdown(Duration timeout);

  // Traces and spans.

  TraceBuilder traceBuilder(String name);

  @Nullable String currentTraceId();

  boolean finalizeTrace(@Nullable String userId, @Nullable String sessionId,
      @Nullable String name, @Nullable Object input, @Nullable Object output);

  SpanBuilder spanBuilder(String name, SpanType type);

  Span currentSpan();

  // What the facades that build on spans need beyond the Span interface.

  boolean hasLiveTrace(LlmopsContext context);

  boolean hasSpan(LlmopsContext context);

  SpanBuilder allowLateSegment(SpanBuilder builder);

  void setInputSection(Span span, String key, Object value);

  void recordFailure(Span span, String type, String message);

  /** The runtime's registry of open work of one kind ("transactions", "crawl_sessions"). */
  <V> ConcurrentHashMap<String, V> openRegistry(String kind);

  /** Counts an invalid argument that a never-throwing method ignored. */
  void ignoredInvalidArgument(String method, String argument);

  /** Counts one dropped item under {@code reason} and logs {@code warning} once. */
  void dropped(String reason, String warning);

  // Traces that cross services.

  /** The headers naming {@code span} as a caller (counted as given to a call), or empty. */
  Map<String, String> propagationHeaders(Span span);

  /** How many times the headers of {@code span}'s trace were given out so far. */
  long headersGiven(Span span);

  /** Marks {@code span}'s trace {@code has_external_segments}. */
  void expectExternalSegment(Span span);

  /**
   * A call made on {@code span} with its trace's headers was answered; {@code segmentHeader} is
   * the answer's {@code x-llmops-segment} (null when absent): a valid one is counted in the
   * trace's {@code external_segments_expected}, an invalid one is ignored (counted, logged).
   */
  void externalAnswer(Span span, @Nullable String segmentHeader);

  /** Whether a call made on {@code span} got an answer whose headers were read. */
  boolean externalAnswerRead(Span span);

  /**
   * {@code span}'s trace headers went where the SDK cannot read the answer: its trace is sent
   * without {@code external_segments_expected}.
   */
  void externalAnswerUnread(Span span);

  /**
   * {@code span}'s trace headers were given to user code ({@link TraceHeaders}): unless {@code
   * span} is an {@link ExternalCall}'s, which reads its own answer, the SDK cannot follow them.
   */
  void headersGivenToUser(Span span);

  /** The headers a called service answers with for the current trace (its segment id), or empty. */
  Map<String, String> segmentResponseHeaders();

  /** The caller the headers name, or null (invalid ones are counted and logged). */
  @Nullable RemoteParent readRemoteParent(
      Function<String, ? extends @Nullable Iterable<String>> headerValues);

  // Context: an engine context is opaque here.

  void readContextsWith(Function<LlmopsContext, Object> reader);

  Object currentContext();

  Object emptyContext();

  Scope makeCurrent(Object context);

  Scope attach(Object context);

  @Nullable String traceId(Object context);

  @Nullable String spanId(Object context);

  // Model responses and prices.

  @Nullable LlmResponse readResponse(@Nullable Object response);

  @Nullable CostBreakdown cost(@Nullable String modelId, long inputTokens, long outputTokens,
      long cacheReadTokens, long cacheWriteTokens);

  @Nullable ModelPrice price(@Nullable String modelId);

  @Nullable String normalizeModelId(@Nullable String modelId);

  void setPrice(String modelId, ModelPrice price);

  void removePrice(String modelId);

  /** The path of a readable, well-formed price file; throws on anything else. */
  String validatePriceFile(String path);

  // Configuration.

  /**
   * Resolves settings from the layers in precedence order (explicit, system properties,
   * environment, dotenv file), validating every setting of the core and of the sink modules
   * present; throws {@link IllegalArgumentException} naming the first invalid one.
   */
  ResolvedSettings resolveSettings(Map<String, String> explicit, Properties systemProperties,
      Map<String, String> environment, @Nullable Path dotEnvFile);

  /** Settings resolved from their layers; a key nobody validated yet is parsed on first read. */
  interface ResolvedSettings {

    <T> @Nullable T get(SettingKey<T> key);

    Optional<String> raw(String name);
  }
}
