package io.llmops.observability.agent.internal;

import io.llmops.observability.agent.bootstrap.ContextBridge;
import java.util.List;
import net.bytebuddy.asm.Advice;

/**
 * Advice inlined into JDK classes by {@link ContextPropagation}. It may refer to JDK types and
 * {@link ContextBridge} only: ByteBuddy reads them through {@link BootstrapInjector#adviceLocator},
 * which renames their calls to the copy of the bridge defined in {@code java.base}. Internal.
 */
final class JdkAdvice {

  private JdkAdvice() {}

  /** Constructor of a task: remember the creating thread's context. */
  static final class Capture {
    @Advice.OnMethodExit(suppress = Throwable.class)
    static void exit(@Advice.This Object task) {
      ContextBridge.capture(task);
    }
  }

  /** A task that runs once: its context is current while it runs, then forgotten. */
  static final class RestoreOnce {
    @Advice.OnMethodEnter(suppress = Throwable.class)
    static Object enter(@Advice.This Object task) {
      return ContextBridge.restore(task, false);
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
    static void exit(@Advice.Enter Object token) {
      ContextBridge.end(token);
    }
  }

  /** A periodic task ({@code runAndReset}): its context is kept for the next run. */
  static final class RestoreAgain {
    @Advice.OnMethodEnter(suppress = Throwable.class)
    static Object enter(@Advice.This Object task) {
      return ContextBridge.restore(task, true);
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
    static void exit(@Advice.Enter Object token) {
      ContextBridge.end(token);
    }
  }

  /** {@code ThreadPoolExecutor.execute(Runnable)}. */
  static final class Execute {
    @Advice.OnMethodEnter(suppress = Throwable.class)
    static void enter(@Advice.Argument(value = 0, readOnly = false) Runnable command) {
      command = ContextBridge.wrap(command);
    }
  }

  /** {@code ThreadPoolExecutor.shutdownNow()}. */
  static final class ShutdownNow {
    @Advice.OnMethodExit(suppress = Throwable.class)
    static void exit(@Advice.Return List<Runnable> tasks) {
      ContextBridge.unwrap(tasks);
    }
  }
}
