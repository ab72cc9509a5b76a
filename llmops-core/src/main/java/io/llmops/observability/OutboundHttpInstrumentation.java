package io.llmops.observability;

import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Turns the client spans of outbound HTTP calls on and off, per library, and tells which
 * libraries are recorded (docs/OUTBOUND_HTTP.md). Every library is on unless {@link #CLIENTS}
 * says otherwise; the switches here override that setting for the life of the process and
 * apply at once to the explicit interceptors and to the calls the agent weaves. A library that
 * is not on the class path costs nothing.
 *
 * <pre>{@code
 * OutboundHttpInstrumentation.enable(HttpClientLibrary.OKHTTP);
 * Map<HttpClientLibrary, OutboundHttpInstrumentation.Status> status =
 *     OutboundHttpInstrumentation.status();   // {JDK_HTTP_CLIENT=AVAILABLE, OKHTTP=ENABLED, ...}
 * OutboundHttpInstrumentation.disable();     // no client spans at all
 * }</pre>
 */
public final class OutboundHttpInstrumentation {

  /**
   * The libraries recorded: {@code all} (the default), {@code false} (none), or their names,
   * comma-separated ({@code okhttp,jdk-httpclient}; {@link HttpClientLibrary#libraryName()}).
   */
  public static final SettingKey<Set<HttpClientLibrary>> CLIENTS = SettingKey.of(
      "LLMOPS_HTTP_CLIENTS", OutboundHttpInstrumentation::parseClients,
      "all, false, or comma-separated library names (okhttp, jdk-httpclient, urlconnection, "
          + "apache-httpclient5, spring-web, spring-webclient)",
      Collections.unmodifiableSet(EnumSet.allOf(HttpClientLibrary.class)));

  /** How a library stands. */
  public enum Status {
    /** On the class path and recorded. */
    ENABLED,
    /** On the class path, not recorded (turned off). */
    AVAILABLE,
    /** Not on the class path. */
    ABSENT
  }

  /** The switches set here, or null while the configuration decides. */
  private static volatile @Nullable Set<HttpClientLibrary> chosen;

  private OutboundHttpInstrumentation() {}

  /** Records every library; returns the {@link #status()} after the change. */
  public static Map<HttpClientLibrary, Status> enable() {
    chosen = EnumSet.allOf(HttpClientLibrary.class);
    return status();
  }

  /**
   * Records {@code libraries} too; returns the {@link #status()} after the change.
   *
   * @throws IllegalArgumentException when {@code libraries} is null or holds null
   */
  public static synchronized Map<HttpClientLibrary, Status> enable(
      HttpClientLibrary... libraries) {
    Set<HttpClientLibrary> next = EnumSet.noneOf(HttpClientLibrary.class);
    next.addAll(enabled());
    next.addAll(checked(libraries));
    chosen = next;
    return status();
  }

  /** Records no library; returns the {@link #status()} after the change. */
  public static Map<HttpClientLibrary, Status> disable() {
    chosen = EnumSet.noneOf(HttpClientLibrary.class);
    return status();
  }

  /**
   * Stops recording {@code libraries}; returns the {@link #status()} after the change.
   *
   * @throws IllegalArgumentException when {@code libraries} is null or holds null
   */
  public static synchronized Map<HttpClientLibrary, Status> disable(
      HttpClientLibrary... libraries) {
    Set<HttpClientLibrary> next = EnumSet.noneOf(HttpClientLibrary.class);
    next.addAll(enabled());
    next.removeAll(checked(libraries));
    chosen = next;
    return status();
  }

  /** Forgets the switches set here: {@link #CLIENTS} decides again. */
  public static Map<HttpClientLibrary, Status> useConfiguration() {
    chosen = null;
    return status();
  }

  /** Each library's status, in the order of {@link HttpClientLibrary}. */
  public static Map<HttpClientLibrary, Status> status() {
    Set<HttpClientLibrary> on = enabled();
    Map<HttpClientLibrary, Status> status = new EnumMap<>(HttpClientLibrary.class);
    for (HttpClientLibrary library : HttpClientLibrary.values()) {
      status.put(library, !present(library) ? Status.ABSENT
          : on.contains(library) ? Status.ENABLED : Status.AVAILABLE);
    }
    return Collections.unmodifiableMap(status);
  }

  /** Whether calls through {@code library} are recorded; false for null. Never throws. */
  public static boolean isEnabled(@Nullable HttpClientLibrary library) {
    return library != null && enabled().contains(library);
  }

  private static Set<HttpClientLibrary> enabled() {
    Set<HttpClientLibrary> set = chosen;
    if (set != null) {
      return set;
    }
    try {
      Set<HttpClientLibrary> configured = Llmops.config().get(CLIENTS);
      return configured == null ? EnumSet.allOf(HttpClientLibrary.class) : configured;
    } catch (RuntimeException e) {
      return EnumSet.allOf(HttpClientLibrary.class);
    }
  }

  private static Set<HttpClientLibrary> checked(HttpClientLibrary @Nullable [] libraries) {
    if (libraries == null) {
      throw new IllegalArgumentException("libraries must not be null");
    }
    Set<HttpClientLibrary> set = EnumSet.noneOf(HttpClientLibrary.class);
    for (HttpClientLibrary library : libraries) {
      if (library == null) {
        throw new IllegalArgumentException("libraries must not hold null");
      }
      set.add(library);
    }
    return set;
  }

  private static boolean present(HttpClientLibrary library) {
    for (ClassLoader loader : new ClassLoader[] {
        Thread.currentThread().getContextClassLoader(),
        OutboundHttpInstrumentation.class.getClassLoader()}) {
      try {
        Class.forName(library.probeClass(), false, loader);
        return true;
      } catch (ClassNotFoundException | LinkageError e) {
        // not visible from this loader; try the next
      }
    }
    return false;
  }

  private static @Nullable Set<HttpClientLibrary> parseClients(String raw) {
    String text = raw.toLowerCase(Locale.ROOT);
    if (text.equals("all") || text.equals("true")) {
      return Collections.unmodifiableSet(EnumSet.allOf(HttpClientLibrary.class));
    }
    if (text.equals("false") || text.equals("none") || text.equals("off")) {
      return Collections.unmodifiableSet(EnumSet.noneOf(HttpClientLibrary.class));
    }
    Set<HttpClientLibrary> set = EnumSet.noneOf(HttpClientLibrary.class);
    for (String name : text.split(",")) {
      HttpClientLibrary library = HttpClientLibrary.named(name);
      if (library == null) {
        return null;
      }
      set.add(library);
    }
    return Collections.unmodifiableSet(set);
  }
}
