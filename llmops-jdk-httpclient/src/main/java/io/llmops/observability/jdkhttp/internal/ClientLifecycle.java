package io.llmops.observability.jdkhttp.internal;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.net.http.HttpClient;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * The life-cycle methods {@code HttpClient} gained in JDK 21 ({@code shutdown}, {@code
 * shutdownNow}, {@code awaitTermination}, {@code isTerminated}, {@code close}), called on a
 * delegate when the running JDK has them. This module compiles for 17, where they do not exist;
 * there each does what the JDK 21 defaults do for a client that does not support them. What the
 * delegate throws is rethrown unchanged.
 */
public final class ClientLifecycle {

  private static final @Nullable MethodHandle SHUTDOWN = find("shutdown", void.class);
  private static final @Nullable MethodHandle SHUTDOWN_NOW = find("shutdownNow", void.class);
  private static final @Nullable MethodHandle AWAIT_TERMINATION =
      find("awaitTermination", boolean.class, Duration.class);
  private static final @Nullable MethodHandle IS_TERMINATED = find("isTerminated", boolean.class);
  private static final @Nullable MethodHandle CLOSE = find("close", void.class);

  private ClientLifecycle() {}

  public static void shutdown(HttpClient client) {
    run(SHUTDOWN, client);
  }

  public static void shutdownNow(HttpClient client) {
    run(SHUTDOWN_NOW, client);
  }

  public static void close(HttpClient client) {
    run(CLOSE, client);
  }

  public static boolean isTerminated(HttpClient client) {
    if (IS_TERMINATED == null) {
      return false;
    }
    try {
      return (boolean) IS_TERMINATED.invokeExact(client);
    } catch (RuntimeException | Error e) {
      throw e;
    } catch (Throwable e) {
      throw new IllegalStateException(e);
    }
  }

  public static boolean awaitTermination(HttpClient client, Duration duration)
      throws InterruptedException {
    if (AWAIT_TERMINATION == null) {
      if (duration == null) {
        throw new NullPointerException();
      }
      return true;
    }
    try {
      return (boolean) AWAIT_TERMINATION.invokeExact(client, duration);
    } catch (RuntimeException | Error | InterruptedException e) {
      throw e;
    } catch (Throwable e) {
      throw new IllegalStateException(e);
    }
  }

  private static void run(@Nullable MethodHandle method, HttpClient client) {
    if (method == null) {
      return;
    }
    try {
      method.invokeExact(client);
    } catch (RuntimeException | Error e) {
      throw e;
    } catch (Throwable e) {
      throw new IllegalStateException(e);
    }
  }

  private static @Nullable MethodHandle find(String name, Class<?> returns, Class<?>... takes) {
    try {
      return MethodHandles.publicLookup().findVirtual(HttpClient.class, name,
          MethodType.methodType(returns, takes));
    } catch (NoSuchMethodException | IllegalAccessException e) {
      return null; // JDK 17 to 20: the method does not exist
    }
  }
}
