package io.llmops.observability.agent.internal;

import static net.bytebuddy.matcher.ElementMatchers.declaresMethod;
import static net.bytebuddy.matcher.ElementMatchers.isAbstract;
import static net.bytebuddy.matcher.ElementMatchers.isConstructor;
import static net.bytebuddy.matcher.ElementMatchers.isNative;
import static net.bytebuddy.matcher.ElementMatchers.isSynthetic;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.returns;
import static net.bytebuddy.matcher.ElementMatchers.not;

import io.llmops.observability.spi.SdkLog;
import io.llmops.observability.spi.Weaving;
import java.lang.instrument.Instrumentation;
import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.dynamic.Nexus;
import net.bytebuddy.matcher.ElementMatcher;

/** Installs the weaving once per JVM: the locals pass first, then the ByteBuddy advice. Internal. */
public final class AgentInstaller {

  private static volatile boolean installed;

  /** Methods returning a Reactor publisher, matched by name so Reactor need not be present. */
  private static final ElementMatcher.Junction<MethodDescription> REACTIVE =
      returns(named("reactor.core.publisher.Mono").or(named("reactor.core.publisher.Flux")));

  /**
   * Packages of the JDK, of the agent and of widely used libraries, which never carry the
   * annotations: their classes are not even read (docs/AGENT.md lists them).
   */
  private static final String[] NOT_WOVEN = {"java.", "javax.", "jdk.", "sun.", "com.sun.",
      "net.bytebuddy.", "io.llmops.observability.agent.internal.",
      "io.llmops.observability.agent.shaded.", "software.amazon.awssdk.", "com.amazonaws.",
      "io.netty.", "com.fasterxml.jackson.", "org.springframework.", "org.apache.",
      "org.eclipse.jetty.", "org.slf4j.", "ch.qos.logback.", "com.google.", "kotlin.", "scala.",
      "reactor.", "io.micrometer.", "io.opentelemetry.", "org.hibernate.", "org.jboss.",
      "org.junit.", "org.assertj.", "org.objectweb.asm."};

  private static final ElementMatcher.Junction<TypeDescription> OUTSIDE_THE_APPLICATION =
      new ElementMatcher.Junction.AbstractBase<>() {
        @Override
        public boolean matches(TypeDescription type) {
          return outsideTheApplication(type.getName());
        }
      };

  private AgentInstaller() {}

  public static boolean isInstalled() {
    return installed;
  }

  /**
   * Builds the weavings: everything that needs no {@code Instrumentation}. This is most of the
   * start-up's computing (loading and linking ByteBuddy's classes, reading the advice, generating
   * ByteBuddy's class file transformer class), so {@code LlmopsAgent.install()} runs it while the
   * attach is under way. Never throws: a weaving that cannot be built fails when it is installed.
   */
  public static Weavings prepare() {
    long started = System.nanoTime();
    disableNexus();
    warmUp();
    Weavings.Prepared annotations = Weavings.Prepared.of(AgentInstaller::annotationWeaving);
    Weavings.Prepared context = contextPropagationEnabled()
        ? Weavings.Prepared.of(ContextPropagation::weaving) : null;
    Weavings.Prepared bedrock =
        BedrockInstrumentation.enabled(System.getProperties(), System.getenv())
            ? Weavings.Prepared.of(BedrockInstrumentation::weaving) : null;
    Weavings.Prepared httpClients =
        HttpClientWeaving.enabled(System.getProperties(), System.getenv())
            ? Weavings.Prepared.of(HttpClientWeaving::weaving) : null;
    Weavings weavings = new Weavings(locals(), annotations, context, bedrock, httpClients);
    StartupStats.prepared(System.nanoTime() - started);
    return weavings;
  }

  /** Weaves once per JVM ({@link #install(Instrumentation, Weavings)}), preparing first. */
  public static synchronized boolean install(Instrumentation instrumentation) {
    return installed || install(instrumentation, prepare());
  }

  /**
   * Weaves once per JVM; true when the agent is active afterwards. Never throws: a weaving
   * set-up that fails (a throwing {@code premain} would abort the JVM's start) is logged and
   * answered with false, and the application runs unchanged, untraced.
   */
  public static synchronized boolean install(Instrumentation instrumentation, Weavings weavings) {
    if (installed) {
      return true;
    }
    long started = System.nanoTime();
    try {
      weave(instrumentation, weavings);
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

  private static void weave(Instrumentation instrumentation, Weavings weavings) {
    if (weavings.locals == null) {
      throw new IllegalStateException("the captureLocals pass could not be built");
    }
    // Registered first so that it runs first, on load and on retransformation: the advice then
    // wraps code that already stores its locals.
    instrumentation.addTransformer(weavings.locals, true);
    weavings.annotations.builder().installOn(instrumentation);
    if (weavings.context != null) {
      installContextPropagation(instrumentation, weavings.context);
    }
    if (weavings.bedrock != null) {
      installBedrock(instrumentation, weavings.bedrock);
    }
    if (weavings.httpClients != null) {
      installHttpClients(instrumentation, weavings.httpClients);
    }
  }

  /**
   * The annotation weaving. Having it make (and throw away) a class file transformer loads what
   * installing it needs, ByteBuddy's generated transformer class included.
   */
  private static AgentBuilder annotationWeaving() {
    ElementMatcher.Junction<MethodDescription> woven = TrackedAnnotations.ANY
        .and(not(isConstructor())).and(not(isAbstract())).and(not(isNative()));
    AgentBuilder weaving = Weavings.retransforming()
        .with(LoadedClasses.usingTrackedAnnotations())
        .with(TrackedClassesOnly.DECORATOR)
        .with(AgentBuilder.PoolStrategy.Default.EXTENDED)
        .with(AgentBuilder.DescriptionStrategy.Default.POOL_FIRST)
        .with(new WeavingListener("agent-weave-", "its annotations have no effect",
            StartupStats::woven))
        .with(WeavingListener.debug())
        .ignore(OUTSIDE_THE_APPLICATION.or(isSynthetic()))
        .type(declaresMethod(woven))
        // The advice is made anew for each class: its TrackedMethodId.Factory numbers the methods
        // of one class by name and descriptor, which another class may repeat.
        .transform((builder, type, loader, module, domain) ->
            builder.visit(Advice.withCustomMapping()
                    .bind(new TrackedMethodId.Factory())
                    .to(TrackAdvice.class)
                    .on(woven.and(not(REACTIVE))))
                .visit(Advice.withCustomMapping()
                    .bind(new TrackedMethodId.Factory())
                    .to(TrackAdvice.class, ReactiveExitAdvice.class)
                    .on(woven.and(REACTIVE))));
    weaving.makeRaw();
    return weaving;
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
   * ByteBuddy's Nexus carries initializers of generated classes; the agent generates none (its
   * advice is inlined, class formats unchanged), and setting it up injects a class into the
   * system class loader through {@code sun.misc.Unsafe}, which JDK 24 and later warn about on
   * standard error. The property is the shaded ByteBuddy's own, so no other copy is affected.
   */
  private static void disableNexus() {
    if (System.getProperty(Nexus.PROPERTY) == null) {
      System.setProperty(Nexus.PROPERTY, "true");
    }
  }

  /** Classes the annotation weaving never changes, by name ({@link #NOT_WOVEN}). */
  static boolean outsideTheApplication(String className) {
    for (String prefix : NOT_WOVEN) {
      if (className.startsWith(prefix)) {
        return true;
      }
    }
    return false;
  }

  /** A failure only means that a first use deep in a recursion may go less smoothly. */
  private static void warmUp() {
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
   * Weaves the JDK's executors and tasks so that the context follows work to other threads,
   * unless {@code -Dllmops.agent.context-propagation=false}. A failure leaves the annotations
   * working and is logged.
   */
  private static void installContextPropagation(Instrumentation instrumentation,
      Weavings.Prepared weaving) {
    try {
      ContextPropagation.install(instrumentation, weaving.builder());
      StartupStats.contextPropagation(true);
    } catch (Exception | LinkageError e) {
      SdkLog.errorOnce("agent-bootstrap", "llmops-agent: could not weave the JDK's executors;"
          + " the trace context does not follow work to other threads", e);
    }
  }

  /**
   * Gives every Bedrock Runtime client llmops-bedrock's interceptor, unless
   * {@code LLMOPS_AGENT_BEDROCK=false}. A failure leaves everything else working and is logged.
   */
  private static void installBedrock(Instrumentation instrumentation, Weavings.Prepared weaving) {
    try {
      weaving.builder().installOn(instrumentation);
      StartupStats.bedrock(true);
    } catch (RuntimeException | LinkageError e) {
      SdkLog.errorOnce("agent-bedrock-install", "llmops-agent: could not weave the AWS"
          + " SDK's Bedrock Runtime client builders; their calls are recorded only by an"
          + " interceptor on the builder or LLMOPS_BEDROCK_AUTO", e);
    }
  }

  /**
   * Records the outbound HTTP calls of the JDK's clients, OkHttp and Apache HttpClient 5, unless
   * {@code LLMOPS_AGENT_HTTP_CLIENTS=false}. A failure leaves everything else working and is
   * logged.
   */
  private static void installHttpClients(Instrumentation instrumentation,
      Weavings.Prepared weaving) {
    try {
      HttpClientWeaving.install(instrumentation, weaving.builder());
      StartupStats.httpClients(true);
    } catch (Exception | LinkageError e) {
      SdkLog.errorOnce("agent-http-install", "llmops-agent: could not weave the HTTP clients;"
          + " their calls are recorded only by the explicit integrations", e);
    }
  }
}
