package io.llmops.observability.spi;

import java.lang.System.Logger.Level;
import java.lang.System.Logger;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;

/**
 * The SDK's own log, for the core and its modules: through {@link System.Logger} (logger name
 * {@code io.llmops.observability}) so that it reaches whatever logging the application uses.
 * Repeated problems are logged at most once per minute per key, with the number suppressed in
 * between, so that a failing sink cannot flood the application's log. Never throws. Messages
 * must never contain a captured or configured value (they may contain names, counts and
 * sizes): what is logged is not redacted.
 */
public final class SdkLog {

  private static final String NAME = "io.llmops.observability";
  private static volatile @Nullable Logger logger;
  /** Set when the JDK could not give a logger (its logging is broken): nothing is logged. */
  private static volatile boolean unavailable;
  private static final long INTERVAL_NANOS = 60_000_000_000L;
  private static final ConcurrentHashMap<String, Window> WINDOWS = new ConcurrentHashMap<>();

  private SdkLog() {}

  private static final class Window {
    final AtomicLong nextAllowedNanos = new AtomicLong(Long.MIN_VALUE);
    final AtomicLong suppressed = new AtomicLong();
  }

  /** Logs {@code message} at INFO. */
  public static void info(String message) {
    log(Level.INFO, message, null);
  }

  /** Logs {@code message} at WARNING. */
  public static void warn(String message) {
    log(Level.WARNING, message, null);
  }

  /**
   * Logs {@code message} at WARNING so that it is seen even while the JVM exits, for what a
   * shutdown must tell (messages left undelivered, say). The JDK's {@code java.util.logging}
   * removes its handlers in a shutdown hook of its own, which runs alongside the SDK's: when the
   * log goes there and that has happened, the record would reach no handler, so it is written to
   * standard error instead, in the console handler's place.
   */
  public static void warnEvenAtExit(String message) {
    try {
      if (ExitLogging.handlersRemovedAtExit(NAME)) {
        System.err.println("WARNING " + NAME + ": " + message);
        return;
      }
    } catch (RuntimeException ignored) {
      // fall back to the log
    }
    warn(message);
  }

  /** Logs {@code message} at ERROR, with {@code error}'s stack trace when it is not null. */
  public static void error(String message, @Nullable Throwable error) {
    log(Level.ERROR, message, error);
  }

  /** Logs a warning for {@code key} at most once per interval. */
  public static void warnOnce(String key, String message) {
    throttled(key, Level.WARNING, message, null);
  }

  /** Logs an error for {@code key} at most once per interval. */
  public static void errorOnce(String key, String message, @Nullable Throwable error) {
    throttled(key, Level.ERROR, message, error);
  }

  private static void throttled(String key, Level level, String message, @Nullable Throwable error) {
    try {
      Window window = WINDOWS.computeIfAbsent(key, k -> new Window());
      long now = System.nanoTime();
      long next = window.nextAllowedNanos.get();
      if ((next != Long.MIN_VALUE && now - next < 0)
          || !window.nextAllowedNanos.compareAndSet(next, now + INTERVAL_NANOS)) {
        window.suppressed.incrementAndGet();
        return;
      }
      long suppressed = window.suppressed.getAndSet(0);
      String text = suppressed == 0 ? message : message + " (" + suppressed + " similar messages suppressed)";
      log(level, text, error);
    } catch (RuntimeException ignored) {
      // logging must never hurt the application
    }
  }

  private static void log(Level level, String message, @Nullable Throwable error) {
    Logger current = logger();
    if (current == null) {
      return; // the JDK's logging is broken, or no thread could be started to make the logger
    }
    if (error == null) {
      current.log(level, message);
    } else {
      current.log(level, message, error);
    }
  }

  /**
   * The logger, made when the first message is logged: the JDK's logging starts then (tens of
   * milliseconds, which an application that never sees a message from the SDK, and the agent's
   * start-up, do not pay). It is made on a thread of its own because the caller may be deep in
   * a recursion: a JDK class whose initialiser runs out of stack stays unusable for the life of
   * the JVM, the application's own logging included. Null when that thread cannot start, or
   * the JDK could not give a logger.
   */
  private static @Nullable Logger logger() {
    Logger current = logger;
    if (current != null || unavailable) {
      return current;
    }
    try {
      Thread maker = new Thread(SdkLog::makeLogger, "llmops-log-start");
      maker.setDaemon(true);
      maker.start();
      joinUninterruptibly(maker);
    } catch (OutOfMemoryError | StackOverflowError e) {
      return null;
    }
    return logger;
  }

  private static synchronized void makeLogger() {
    if (logger == null) {
      try {
        logger = System.getLogger(NAME);
      } catch (RuntimeException | Error e) {
        unavailable = true;
      }
    }
  }

  private static void joinUninterruptibly(Thread thread) {
    boolean interrupted = false;
    while (thread.isAlive()) {
      try {
        thread.join();
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }
}
