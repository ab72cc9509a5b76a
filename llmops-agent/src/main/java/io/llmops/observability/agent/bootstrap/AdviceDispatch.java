package io.llmops.observability.agent.bootstrap;

import java.util.function.Function;

/**
 * What the code woven into a class calls when that class's loader has an {@code llmops-core} of
 * its own (a Spring Boot executable jar's, a WAR's), or none: the agent's classes on the system
 * class path link against one core only, so the call is handed to the {@link Advice} the agent
 * made for the woven class's loader (its {@code Dispatcher} and friends, linked against that
 * loader's core). Depends on the JDK only, so that every application's code can call it; found
 * once per woven class. No method throws. Internal, may change.
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

  private static final ClassValue<Advice> BY_CLASS = new ClassValue<>() {
    @Override
    protected Advice computeValue(Class<?> woven) {
      Function<ClassLoader, Advice> current = runtimes;
      Advice advice = null;
      try {
        advice = current == null ? null : current.apply(woven.getClassLoader());
      } catch (Throwable e) { // the agent logged it; the class runs untraced
        advice = null;
      }
      return advice == null ? NONE : advice;
    }
  };

  private AdviceDispatch() {}

  /** Set by the agent when it starts, before it weaves any class. */
  public static void setRuntimes(Function<ClassLoader, Advice> byLoader) {
    runtimes = byLoader;
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
