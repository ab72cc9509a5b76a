package io.llmops.observability.agent.internal;

import io.llmops.observability.Llmops;
import io.llmops.observability.agent.bootstrap.AdviceDispatch;
import io.llmops.observability.spi.SdkLog;
import java.lang.ref.WeakReference;
import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;

/**
 * Which core the code woven into a class reaches, decided once per class loader:
 *
 * <ul>
 *   <li>{@link Route#DIRECT}: the loader sees the agent's own core (a flat class path): the woven
 *       code calls {@link Dispatcher} itself, as it always did;
 *   <li>{@link Route#DISPATCHED}: the loader has a core of its own (a Spring Boot executable jar,
 *       a WAR) or none: the woven code calls {@link AdviceDispatch} with its class, which hands the
 *       call to a runtime made for that loader on its first call ({@link RuntimeLoader} copies
 *       linked against the loader's core; the agent's own when the loader has no core);
 *   <li>{@link Route#UNSUPPORTED}: the loader cannot see the agent's dispatch point (it does not
 *       delegate to the system class loader): its classes are not woven, logged once.
 * </ul>
 *
 * Internal.
 */
final class AdviceRoutes {

  enum Route { DIRECT, DISPATCHED, UNSUPPORTED }

  static final String DISPATCH = AdviceDispatch.class.getName().replace('.', '/');

  private static final ClassLoader AGENT = AdviceRoutes.class.getClassLoader();
  private static final Map<ClassLoader, Route> ROUTES =
      Collections.synchronizedMap(new WeakHashMap<>());
  /**
   * Weakly: a runtime lives as long as the woven classes that found it ({@code ClassValue}) or
   * the context bridge's hook. Under {@link #MAKING}.
   */
  private static final Map<ClassLoader, WeakReference<AdviceDispatch.Advice>> RUNTIMES =
      new WeakHashMap<>();
  /** Held while a runtime is made; {@link #making}: for which loader. */
  private static final ReentrantLock MAKING = new ReentrantLock();
  private static ClassLoader making;
  /** Set while a route is decided: a class that loads meanwhile is not woven. */
  private static final ThreadLocal<Boolean> DECIDING = new ThreadLocal<>();

  private AdviceRoutes() {}

  /** Plugs the runtimes and the client builders into the dispatch point; before any weaving. */
  static void install() {
    AdviceDispatch.setRuntimes(AdviceRoutes::runtime, AdviceRoutes::coreStarted);
    // lambdas, not method references: the classes load on the first builder, not at start-up
    AdviceDispatch.setClientBuilders(
        (builder, configuration) -> BedrockClients.withInterceptor(builder, configuration),
        builder -> ClientBuilders.instrument(builder));
  }

  static Route route(ClassLoader loader) {
    if (loader == null || loader == AGENT) {
      return Route.DIRECT;
    }
    Route known = ROUTES.get(loader);
    if (known != null) {
      return known;
    }
    if (DECIDING.get() != null) {
      return Route.UNSUPPORTED;
    }
    DECIDING.set(Boolean.TRUE);
    try { // outside the lock: loading a class transforms others
      known = decide(loader);
    } finally {
      DECIDING.remove();
    }
    ROUTES.put(loader, known);
    return known;
  }

  private static Route decide(ClassLoader loader) {
    Class<?> dispatch = visible(loader, AdviceDispatch.class.getName());
    if (dispatch != AdviceDispatch.class) {
      SdkLog.warnOnce("agent-loader-" + describe(loader), "llmops-agent: the classes of class"
          + " loader " + describe(loader) + " are not woven, because "
          + (dispatch == null ? "it does not delegate to the system class loader, which holds"
              + " the agent" : "it holds a copy of the agent's classes of its own")
          + "; they run unchanged, untraced");
      return Route.UNSUPPORTED;
    }
    return visible(loader, Llmops.class.getName()) == Llmops.class ? Route.DIRECT
        : Route.DISPATCHED;
  }

  private static Class<?> visible(ClassLoader loader, String name) {
    try {
      return Class.forName(name, false, loader);
    } catch (ClassNotFoundException | LinkageError e) {
      return null;
    }
  }

  /** The runtime of {@code loader}'s woven classes, made on their first call; null if none. */
  private static AdviceDispatch.Advice runtime(ClassLoader loader) {
    MAKING.lock();
    try {
      return madeOnce(loader);
    } finally {
      MAKING.unlock();
    }
  }

  /**
   * Makes the runtime of a loader whose own core just started (in the core's class initialiser),
   * unless another thread is making one: that thread may be waiting for this core to start
   * (a runtime initialises its core), and would wait for ever. The runtime is then made on the
   * first call of a woven class of that loader.
   */
  private static AdviceDispatch.Advice coreStarted(ClassLoader loader) {
    if (!MAKING.tryLock()) {
      return null;
    }
    try {
      return madeOnce(loader);
    } finally {
      MAKING.unlock();
    }
  }

  /** Under {@link #MAKING}; null while this thread is making it (its core starts meanwhile). */
  private static AdviceDispatch.Advice madeOnce(ClassLoader loader) {
    WeakReference<AdviceDispatch.Advice> known = RUNTIMES.get(loader);
    AdviceDispatch.Advice runtime = known == null ? null : known.get();
    if (runtime == null && making != loader) {
      making = loader;
      try {
        runtime = made(loader);
      } finally {
        making = null;
      }
      RUNTIMES.put(loader, new WeakReference<>(runtime));
    }
    return runtime;
  }

  private static AdviceDispatch.Advice made(ClassLoader loader) {
    try {
      boolean ownCore = visible(loader, Llmops.class.getName()) != null;
      ClassLoader runtimes = ownCore ? new RuntimeLoader(loader, AGENT) : AGENT;
      Function<Object[], Object> contextHooks = ownCore ? AdviceRoutes::contextHook : hook -> null;
      return (AdviceDispatch.Advice) Class.forName(LoaderAdvice.class.getName(), true, runtimes)
          .getConstructor(Function.class).newInstance(contextHooks);
    } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
      SdkLog.errorOnce("agent-runtime-" + describe(loader), "llmops-agent: the woven classes of"
          + " class loader " + describe(loader) + " run untraced: the agent could not link its"
          + " runtime against the llmops-core that loader sees", e);
      return null;
    }
  }

  private static Object contextHook(Object[] hook) {
    try {
      return ContextPropagation.addHook(hook);
    } catch (Exception | LinkageError e) {
      SdkLog.errorOnce("agent-context-hook", "llmops-agent: the trace context of an application"
          + " in a class loader of its own does not follow work to other threads", e);
      return null;
    }
  }

  /** A class loader by its type and name, never its class path. */
  static String describe(ClassLoader loader) {
    String name = loader.getName();
    return loader.getClass().getName() + (name == null ? "" : " '" + name + "'") + "@"
        + Integer.toHexString(System.identityHashCode(loader));
  }
}
