package io.llmops.observability.agent.internal;

import io.llmops.observability.spi.SdkLog;
import io.llmops.observability.spi.Weaving;
import java.lang.instrument.Instrumentation;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Installs the weaving once per JVM: the locals pass first, then the advice. Internal. */
public final class AgentInstaller {

  private static volatile boolean installed;

  private AgentInstaller() {}

  public static boolean isInstalled() {
    return installed;
  }

  /**
   * Builds the weavings: everything that needs no {@code Instrumentation} (loading the classes
   * the woven code and the weaving need), so {@code LlmopsAgent.install()} runs it while the
   * attach is under way. Never throws: what cannot be built fails when it is installed.
   */
  public static Weavings prepare() {
    Weavings weavings = weavings();
    prepare(weavings);
    return weavings;
  }

  /** The weavings the settings ask for, not yet warmed up: cheap. */
  public static Weavings weavings() {
    return new Weavings(locals(), new AnnotationWeaving(),
        contextPropagationEnabled() ? new ContextPropagation() : null,
        BedrockInstrumentation.enabled(System.getProperties(), System.getenv())
            ? new BedrockInstrumentation() : null,
        HttpClientWeaving.enabled(System.getProperties(), System.getenv())
            ? new HttpClientWeaving() : null);
  }

  /** Loads what {@code weavings} and the woven code need, in advance. */
  public static void prepare(Weavings weavings) {
    long started = System.nanoTime();
    warmUp();
    warmUpWeaving(weavings);
    StartupStats.prepared(System.nanoTime() - started);
  }

  /** Defines the java.base bridges {@code weavings} need; what it did (a refusal is logged). */
  static Attached bridges(Instrumentation instrumentation, Weavings weavings) {
    boolean context = weavings.context != null && contextBridge(instrumentation);
    boolean http = weavings.httpClients != null && httpBridge(instrumentation);
    return new Attached(context, http, null);
  }

  /** A look at the classes loaded now that {@code weavings} may change, not yet taken. */
  static LoadedClasses.Look look(Instrumentation instrumentation, Weavings weavings) {
    return new LoadedClasses.Look(instrumentation, new WeavingTransformer(all(weavings))::candidate);
  }

  /**
   * What was done as soon as the JVM handed over the instrumentation ({@link AttachedWork}).
   *
   * @param contextBridge whether the context bridge is defined
   * @param httpBridge whether the HTTP bridge is defined
   * @param scan the classes loaded then that a weaving may change; null when not looked at
   */
  public record Attached(boolean contextBridge, boolean httpBridge,
      LoadedClasses.@Nullable Scan scan) {

    Attached withScan(LoadedClasses.Scan scan) {
      return new Attached(contextBridge, httpBridge, scan);
    }
  }

  /** Weaves once per JVM ({@link #install(Instrumentation, Weavings)}), preparing first. */
  public static synchronized boolean install(Instrumentation instrumentation) {
    return installed || install(instrumentation, prepare(), null);
  }

  /**
   * Weaves once per JVM; true when the agent is active afterwards. Never throws: a weaving
   * set-up that fails (a throwing {@code premain} would abort the JVM's start) is logged and
   * answered with false, and the application runs unchanged, untraced.
   */
  public static synchronized boolean install(Instrumentation instrumentation, Weavings weavings,
      @Nullable Attached attached) {
    if (installed) {
      return true;
    }
    long started = System.nanoTime();
    try {
      weave(instrumentation, weavings, attached);
    } catch (RuntimeException | LinkageError e) {
      SdkLog.error("llmops-agent: the annotations could not be woven; the application runs "
          + "unchanged and untraced", e);
      return false;
    }
    installed = true;
    Weaving.markActive("llmops-agent");
    StartupStats.record(System.nanoTime() - started);
    return true;
  }

  private static void weave(Instrumentation instrumentation, Weavings weavings,
      @Nullable Attached attached) {
    if (weavings.locals == null) {
      throw new IllegalStateException("the captureLocals pass could not be built");
    }
    AdviceRoutes.install();
    // Registered first so that it runs first, on load and on retransformation: the advice then
    // wraps code that already stores its locals.
    instrumentation.addTransformer(weavings.locals, true);
    List<ClassWeaving> active = new ArrayList<>();
    active.add(weavings.annotations);
    if (weavings.context != null && (attached != null ? attached.contextBridge()
        : contextBridge(instrumentation))) {
      active.add(weavings.context);
      active.add(new CoreStartWeaving());
    }
    if (weavings.httpClients != null && (attached != null ? attached.httpBridge()
        : httpBridge(instrumentation))) {
      active.add(weavings.httpClients);
    }
    if (weavings.bedrock != null) {
      active.add(weavings.bedrock);
    }
    WeavingTransformer transformer = new WeavingTransformer(active);
    instrumentation.addTransformer(transformer, true);
    StartupStats.contextPropagation(active.contains(weavings.context));
    StartupStats.httpClients(active.contains(weavings.httpClients));
    StartupStats.bedrock(active.contains(weavings.bedrock));
    LoadedClasses.retransform(instrumentation,
        LoadedClasses.matching(instrumentation, transformer::candidate,
            attached != null ? attached.scan() : null));
  }

  /** The captureLocals pass, or null (reported when installing) if it cannot be built. */
  private static LocalsTransformer locals() {
    try {
      return new LocalsTransformer();
    } catch (RuntimeException | LinkageError e) {
      return null;
    }
  }

  /**
   * A failure only means that a first use deep in a recursion may go less smoothly. Also run by
   * each class loader's runtime ({@link LoaderAdvice}).
   */
  static void warmUp() {
    try {
      AdviceWarmUp.run();
    } catch (RuntimeException | LinkageError e) {
      SdkLog.errorOnce("agent-warm-up", "llmops-agent: could not load the classes the woven"
          + " code needs in advance; the annotations work, but a first use deep in a recursion may"
          + " not be recorded", e);
    }
  }

  private static boolean contextPropagationEnabled() {
    return !"false".equalsIgnoreCase(System.getProperty("llmops.agent.context-propagation"));
  }

  /**
   * Defines the context bridge, which the JDK's executors and tasks call once woven so that the
   * context follows work to other threads ({@code -Dllmops.agent.context-propagation=false} turns
   * that off). A failure leaves the rest working and is logged.
   */
  private static boolean contextBridge(Instrumentation instrumentation) {
    return defined(() -> ContextPropagation.injectBridge(instrumentation), "agent-bootstrap",
        "llmops-agent: could not weave the JDK's executors; the trace context does not follow"
            + " work to other threads");
  }

  /**
   * Defines the HTTP bridge, which the JDK's HTTP clients call once woven (OkHttp and Apache
   * HttpClient 5 are woven with it; {@code LLMOPS_AGENT_HTTP_CLIENTS=false} turns all off). A
   * failure leaves the rest working and is logged.
   */
  private static boolean httpBridge(Instrumentation instrumentation) {
    return defined(() -> HttpClientWeaving.injectBridge(instrumentation), "agent-http-install",
        "llmops-agent: could not weave the HTTP clients; their calls are recorded only by the"
            + " explicit integrations");
  }

  /** Defining a bridge in {@code java.base}, which the JVM may refuse. */
  @FunctionalInterface
  private interface BridgeDefinition {
    void define() throws Exception;
  }

  private static boolean defined(BridgeDefinition bridge, String logKey, String failure) {
    try {
      bridge.define();
      return true;
    } catch (Exception | LinkageError e) {
      SdkLog.errorOnce(logKey, failure, e);
      return false;
    }
  }

  /** Every weaving the settings ask for. */
  private static List<ClassWeaving> all(Weavings weavings) {
    List<ClassWeaving> all = new ArrayList<>();
    all.add(weavings.annotations);
    for (ClassWeaving optional : new ClassWeaving[] {weavings.context, weavings.httpClients,
        weavings.bedrock}) {
      if (optional != null) {
        all.add(optional);
      }
    }
    return all;
  }

  private static void warmUpWeaving(Weavings weavings) {
    try {
      WeavingWarmUp.run(all(weavings));
    } catch (RuntimeException | LinkageError e) {
      SdkLog.errorOnce("agent-weaving-warm-up", "llmops-agent: could not load the weaving's"
          + " classes in advance; a class loaded while they load may be left unwoven", e);
    }
  }
}
