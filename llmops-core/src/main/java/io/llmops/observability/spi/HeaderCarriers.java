package io.llmops.observability.spi;

import io.llmops.observability.RemoteParent;
import io.llmops.observability.TraceHeaders;
import io.llmops.observability.internal.common.Counters;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Finds the trace headers of a request among a method's arguments, for integrations that see
 * only the arguments (the agent's {@code @ResumeExternalService}). An argument carries headers
 * when it is a {@code Map} of headers, an object with a public {@code String getHeader(String)}
 * (a servlet request), or an object with a public {@code getRequestHeaders()} or {@code
 * getHeaders()} returning such a map (the JDK's {@code HttpExchange}, Spring's request types),
 * and holds {@value TraceHeaders#TRACEPARENT} or {@value TraceHeaders#LLMOPS_TRACE_ID}. How a
 * class carries headers is found once per class, by reflection on its public methods only.
 * Never throws: an argument whose getter fails is taken to carry none (counted as {@code
 * propagation.headers_ignored}, logged once with its class, never its values). Thread-safe.
 */
public final class HeaderCarriers {

  private static final Carrier NONE = argument -> null;
  private static final ClassValue<Carrier> CARRIERS = new ClassValue<>() {
    @Override
    protected Carrier computeValue(Class<?> type) {
      return carrierOf(type);
    }
  };

  private HeaderCarriers() {}

  /**
   * The caller named by the trace headers of the first of {@code arguments} that carries them
   * (read with {@link TraceHeaders#read}), or null when none carries them or they are not valid.
   */
  public static @Nullable RemoteParent read(@Nullable Object @Nullable ... arguments) {
    if (arguments == null) {
      return null;
    }
    for (Object argument : arguments) {
      if (argument == null) {
        continue;
      }
      try {
        Map<?, ?> headers = argument instanceof Map<?, ?> map ? map
            : CARRIERS.get(argument.getClass()).headers(argument);
        if (headers != null && carriesTraceHeaders(headers)) {
          @SuppressWarnings("unchecked") // a key that is not a String is never a header name
          Map<String, ?> named = (Map<String, ?>) headers;
          return TraceHeaders.read(named);
        }
      } catch (RuntimeException | LinkageError e) {
        SdkCounters.increment(Counters.PROPAGATION_HEADERS_IGNORED);
        SdkLog.warnOnce("header-carrier", "llmops: the trace headers of an argument of type "
            + argument.getClass().getName() + " could not be read ("
            + (e instanceof CarrierFailure ? e.getMessage() : e.getClass().getName())
            + "); the call is traced as if it had none");
      }
    }
    return null;
  }

  private static boolean carriesTraceHeaders(Map<?, ?> headers) {
    for (Object key : headers.keySet()) {
      if (key instanceof String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.equals(TraceHeaders.TRACEPARENT) || lower.equals(TraceHeaders.LLMOPS_TRACE_ID)) {
          return true;
        }
      }
    }
    return false;
  }

  /** How one class gives its headers: as a map, or null when an instance has none. */
  private interface Carrier {
    @Nullable Map<?, ?> headers(Object argument);
  }

  private static Carrier carrierOf(Class<?> type) {
    try {
      Method getHeader = publicMethod(type, "getHeader", String.class);
      if (getHeader != null && getHeader.getReturnType() == String.class) {
        return argument -> byName(name -> (String) invoke(getHeader, argument, name));
      }
      for (String getter : List.of("getRequestHeaders", "getHeaders")) {
        Method headers = publicMethod(type, getter);
        if (headers != null && Map.class.isAssignableFrom(headers.getReturnType())) {
          return argument -> (Map<?, ?>) invoke(headers, argument);
        }
      }
    } catch (RuntimeException | LinkageError e) {
      // a class whose methods cannot be listed carries no headers
    }
    return NONE;
  }

  /** The two trace headers of a carrier that is asked one name at a time. */
  private static Map<String, String> byName(Function<String, @Nullable String> header) {
    Map<String, String> headers = new HashMap<>(2);
    for (String name : List.of(TraceHeaders.TRACEPARENT, TraceHeaders.LLMOPS_TRACE_ID)) {
      String value = header.apply(name);
      if (value != null) {
        headers.put(name, value);
      }
    }
    return headers;
  }

  /**
   * The public instance method {@code name} as declared by a public class or interface of an
   * exported package among {@code type}'s supertypes (the class itself first): the one that can
   * be called without opening anything, also for a class of a package that is not exported.
   */
  private static @Nullable Method publicMethod(Class<?> type, String name, Class<?>... parameters) {
    for (Class<?> candidate : supertypes(type)) {
      if (!Modifier.isPublic(candidate.getModifiers())
          || !candidate.getModule().isExported(candidate.getPackageName())) {
        continue;
      }
      try {
        Method method = candidate.getDeclaredMethod(name, parameters);
        int modifiers = method.getModifiers();
        if (Modifier.isPublic(modifiers) && !Modifier.isStatic(modifiers)) {
          return method;
        }
      } catch (NoSuchMethodException e) {
        // declared further up, if anywhere
      }
    }
    return null;
  }

  /** {@code type}, its superclasses, then every interface they implement. */
  private static List<Class<?>> supertypes(Class<?> type) {
    List<Class<?>> all = new ArrayList<>();
    for (Class<?> each = type; each != null; each = each.getSuperclass()) {
      all.add(each);
    }
    Deque<Class<?>> interfaces = new ArrayDeque<>();
    for (int i = 0, classes = all.size(); i < classes; i++) {
      interfaces.addAll(List.of(all.get(i).getInterfaces()));
    }
    while (!interfaces.isEmpty()) {
      Class<?> each = interfaces.removeFirst();
      if (!all.contains(each)) {
        all.add(each);
        interfaces.addAll(List.of(each.getInterfaces()));
      }
    }
    return all;
  }

  private static @Nullable Object invoke(Method method, Object target, Object... arguments) {
    try {
      return method.invoke(target, arguments);
    } catch (InvocationTargetException e) {
      throw new CarrierFailure(method.getName() + " threw " + e.getCause().getClass().getName());
    } catch (IllegalAccessException e) {
      throw new CarrierFailure(method.getName() + " is not accessible");
    }
  }

  /** A getter of a carrier failed; the message names the getter and the exception's type only. */
  private static final class CarrierFailure extends RuntimeException {
    CarrierFailure(String message) {
      super(message, null, false, false);
    }
  }
}
