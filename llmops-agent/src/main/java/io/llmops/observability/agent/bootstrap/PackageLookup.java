package io.llmops.observability.agent.bootstrap;

import java.lang.invoke.MethodHandles;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.function.Function;

/**
 * Gives the agent a lookup with package access to a {@code java.base} package, to define its
 * {@link ContextBridge} there, and calls the static methods of the classes it defined there. The
 * agent loads this class with a class loader of its own and opens that one package to that
 * loader's unnamed module only, so nothing else gains access. Depends on the JDK only. Internal,
 * may change.
 */
public final class PackageLookup implements Function<Class<?>, MethodHandles.Lookup> {

  /** A lookup on {@code member}'s package; fails unless that package is open to this class. */
  @Override
  public MethodHandles.Lookup apply(Class<?> member) {
    try {
      return MethodHandles.privateLookupIn(member, MethodHandles.lookup());
    } catch (IllegalAccessException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Calls the public static {@code method} of a class in that package, with reflection: a method
   * handle's first call would cost the agent's start-up tens of milliseconds of code generation.
   * The agent calls this method with reflection too.
   */
  public static Object call(Method method, Object[] arguments)
      throws IllegalAccessException, InvocationTargetException {
    return method.invoke(null, arguments);
  }
}
