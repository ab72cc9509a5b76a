package io.llmops.observability.agent.internal;

import java.util.concurrent.atomic.AtomicLong;

/**
 * What the agent did: start-up time, classes woven, Bedrock Runtime clients given the
 * interceptor. Internal.
 */
public final class StartupStats {

  private static volatile long installNanos = -1;
  private static volatile long prepareNanos = -1;
  private static final AtomicLong WOVEN = new AtomicLong();
  private static final AtomicLong CONTEXT_WOVEN = new AtomicLong();
  private static volatile boolean contextPropagation;
  private static final AtomicLong BEDROCK_WOVEN = new AtomicLong();
  private static final AtomicLong BEDROCK_CLIENTS = new AtomicLong();
  private static final AtomicLong BEDROCK_FAILURES = new AtomicLong();
  private static volatile boolean bedrock;
  private static final AtomicLong HTTP_WOVEN = new AtomicLong();
  private static final AtomicLong HTTP_BUILDERS = new AtomicLong();
  private static volatile boolean httpClients;

  private StartupStats() {}

  static void record(long nanos) {
    installNanos = nanos;
  }

  static void prepared(long nanos) {
    prepareNanos = nanos;
  }

  static void woven() {
    WOVEN.incrementAndGet();
  }

  static void contextWoven() {
    CONTEXT_WOVEN.incrementAndGet();
  }

  static void contextPropagation(boolean active) {
    contextPropagation = active;
  }

  static void bedrock(boolean active) {
    bedrock = active;
  }

  static void bedrockWoven() {
    BEDROCK_WOVEN.incrementAndGet();
  }

  static void bedrockClient() {
    BEDROCK_CLIENTS.incrementAndGet();
  }

  static void bedrockFailure() {
    BEDROCK_FAILURES.incrementAndGet();
  }

  static void httpClients(boolean active) {
    httpClients = active;
  }

  static void httpWoven() {
    HTTP_WOVEN.incrementAndGet();
  }

  static void httpBuilderInstrumented() {
    HTTP_BUILDERS.incrementAndGet();
  }

  /** Whether the HTTP clients are woven ({@code LLMOPS_AGENT_HTTP_CLIENTS}). */
  public static boolean httpClients() {
    return httpClients;
  }

  /** Classes of HTTP clients woven so far (JDK clients, OkHttp and Apache builders). */
  public static long httpWovenClasses() {
    return HTTP_WOVEN.get();
  }

  /** OkHttp and Apache HttpClient 5 builders handed to their llmops integration so far. */
  public static long httpBuildersInstrumented() {
    return HTTP_BUILDERS.get();
  }

  /** Whether Bedrock Runtime client builders are woven ({@code LLMOPS_AGENT_BEDROCK}). */
  public static boolean bedrock() {
    return bedrock;
  }

  /** Bedrock Runtime client builder classes woven (one per class loader holding the SDK). */
  public static long bedrockWovenClasses() {
    return BEDROCK_WOVEN.get();
  }

  /** Bedrock Runtime clients the agent gave the interceptor (not those that had one already). */
  public static long bedrockClients() {
    return BEDROCK_CLIENTS.get();
  }

  /** Times the interceptor could not be added to a client (the client was built without it). */
  public static long bedrockFailures() {
    return BEDROCK_FAILURES.get();
  }

  /** JDK classes woven so that the trace context follows work to other threads. */
  public static long contextWovenClasses() {
    return CONTEXT_WOVEN.get();
  }

  /** Whether the trace context follows work handed to executors and virtual threads. */
  public static boolean contextPropagation() {
    return contextPropagation;
  }

  /**
   * Nanoseconds building the weavings took (with {@code LlmopsAgent.install()}, while the attach
   * was under way), or -1 before it ran.
   */
  public static long prepareNanos() {
    return prepareNanos;
  }

  /**
   * Nanoseconds installing the built weavings took (registering them and retransforming the
   * classes already loaded), or -1 before it ran.
   */
  public static long installNanos() {
    return installNanos;
  }

  /** Classes woven so far (loaded and retransformed). */
  public static long wovenClasses() {
    return WOVEN.get();
  }
}
