package io.llmops.observability.agent.bootstrap;

import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * What the code woven into a class calls when that class's loader has an {@code llmops-core} of
 * its own (a Spring Boot executable jar's, a WAR's), or none: the agent's classes on the system
 * class path link against one core only, so the call is handed to the {@link Advice} the agent
 * made for the woven class's loader (its {@code Dispatcher} and friends, linked against that
 * loader's core). Depends on the JDK only, so that every application's code can call it; found
 * once per woven class. The client builders' advice (Bedrock, OkHttp, Apache HttpClient) calls
 * it too, for the same reason: the agent's classes it reaches are those of whichever copy of the
 * agent started (the one on the system class path, or its own loader's when the system class
 * path has no core). No method throws. Internal, may change.
 */
public final class AdviceDispatch {

  /** The woven code's calls, as one class loader's runtime answers them. */
  public interface Advice {
    Object enter(int id, Object self, Object[] arguments);

    void exit(Object state, Object result, Throwable thrown);

    Object exitReactive(Object state, Object result, Throwable thrown);

    void local(String name, Object value);
  }

  /** Answers every call with nothing: a loader the agent could not make a runtime for. */
  private static final Advice NONE = new Advice() {
    @Override
    public Object enter(int id, Object self, Object[] arguments) {
      return null;
    }

    @Override
    public void exit(Object state, Object result, Throwable thrown) {}

    @Override
    public Object exitReactive(Object state, Object result, Throwable thrown) {
      return result;
    }

    @Override
    public void local(String name, Object value) {}
  };

  private static volatile Function<ClassLoader, Advice> runtimes;
  private static volatile Function<ClassLoader, Advice> coresStarted;
  private static volatile BiFunction<Class<?>, Object, Object> bedrockClients;
  private static volatile Consumer<Object> httpClientBuilders;

  /** The runtime of each woven class, found on its first call. */
  private static final ClassValue<Advice> BY_CLASS = new RuntimeByClass(false);
  /** The runtime of each core that started, kept for as long as that core's class lives. */
  private static final ClassValue<Advice> STARTED_CORES = new RuntimeByClass(true);

  /** Asks the agent once per class; a failure (the agent logged it) answers nothing. */
  private static final class RuntimeByClass extends ClassValue<Advice> {
    private final boolean coreStarted;

    RuntimeByClass(boolean coreStarted) {
      this.coreStarted = coreStarted;
    }

    @Override
    protected Advice computeValue(Class<?> type) {
      Function<ClassLoader, Advice> current = coreStarted ? coresStarted : runtimes;
      Advice advice = null;
      try {
        advice = current == null ? null : current.apply(type.getClassLoader());
      } catch (Throwable e) { // the class runs untraced
        advice = null;
      }
      return advice == null ? NONE : advice;
    }
  }

  private AdviceDispatch() {}

  /**
   * Set by the agent when it starts, before it weaves any class: {@code byLoader} answers the
   * runtime of a loader, {@code coreStarted} the runtime of a loader whose own core started,
   * or null when it cannot be made then.
   */
  public static void setRuntimes(Function<ClassLoader, Advice> byLoader,
      Function<ClassLoader, Advice> coreStarted) {
    runtimes = byLoader;
    coresStarted = coreStarted;
  }

  /** Set by the agent when it starts, before it weaves any client builder. */
  public static void setClientBuilders(BiFunction<Class<?>, Object, Object> bedrock,
      Consumer<Object> http) {
    bedrockClients = bedrock;
    httpClientBuilders = http;
  }

  /**
   * The configuration a Bedrock Runtime client builder of class {@code builder} resolved, with
   * llmops-bedrock's interceptor added when the builder's loader has it.
   */
  public static Object withBedrockInterceptor(Class<?> builder, Object configuration) {
    BiFunction<Class<?>, Object, Object> current = bedrockClients;
    return current == null ? configuration : current.apply(builder, configuration);
  }

  /** Hands an OkHttp or Apache HttpClient builder to the llmops integration its loader has. */
  public static void instrumentBuilder(Object builder) {
    Consumer<Object> current = httpClientBuilders;
    if (current != null) {
      current.accept(builder);
    }
  }

  /**
   * Called when the {@code llmops-core} of class {@code core}'s loader starts: makes that
   * loader's runtime now, so that its context is carried across threads before any of its woven
   * methods runs.
   */
  public static void coreStarted(Class<?> core) {
    try {
      STARTED_CORES.get(core);
    } catch (Throwable e) { // the agent logged it; the core starts unchanged
    }
  }

  public static Object enter(Class<?> woven, int id, Object self, Object[] arguments) {
    return BY_CLASS.get(woven).enter(id, self, arguments);
  }

  public static void exit(Class<?> woven, Object state, Object result, Throwable thrown) {
    BY_CLASS.get(woven).exit(state, result, thrown);
  }

  public static Object exitReactive(Class<?> woven, Object state, Object result,
      Throwable thrown) {
    return BY_CLASS.get(woven).exitReactive(state, result, thrown);
  }

  public static void local(Class<?> woven, String name, Object value) {
    BY_CLASS.get(woven).local(name, value);
  }
}
