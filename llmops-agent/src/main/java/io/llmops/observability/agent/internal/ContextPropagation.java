package io.llmops.observability.agent.internal;

import io.llmops.observability.Scope;
import io.llmops.observability.agent.bootstrap.ContextBridge;
import io.llmops.observability.spi.ContextHandOff;
import java.lang.instrument.Instrumentation;
import java.lang.invoke.MethodType;
import java.lang.reflect.Modifier;
import java.util.concurrent.ForkJoinTask;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.MethodNode;

/**
 * Makes the trace context follow work to other threads by weaving a few JDK classes, at the
 * task level (the task object is created on the submitting thread and runs on another):
 *
 * <ul>
 *   <li>{@code FutureTask} (every {@code ExecutorService.submit}/{@code invokeAll}/
 *       {@code invokeAny}, scheduled tasks, virtual-thread executors): context captured by the
 *       constructor, current during {@code run()} and {@code runAndReset()};
 *   <li>{@code ForkJoinTask} ({@code ForkJoinPool} execute/submit/invoke, tasks forked inside
 *       the pool, {@code CompletableFuture.*Async}): captured by the constructor, current during
 *       {@code doExec()} and the JDK subclasses' {@code run()} (how {@code CompletableFuture}
 *       runs its tasks on other executors or on a thread per task);
 *   <li>{@code ThreadPoolExecutor.execute} of a plain {@code Runnable}: wrapped with the caller's
 *       context ({@code shutdownNow()} unwraps what it returns);
 *   <li>{@code java.lang.VirtualThread} (JDK 21+): captured by the constructor, current while
 *       the thread runs its task.
 * </ul>
 *
 * The inserted code calls the copy of {@link ContextBridge} defined in {@code java.base}
 * ({@link BootstrapInjector}). Internal.
 */
final class ContextPropagation implements ClassWeaving {

  private static final String CONCURRENT = "java/util/concurrent/";
  private static final String FUTURE_TASK = CONCURRENT + "FutureTask";
  private static final String FORK_JOIN_TASK = CONCURRENT + "ForkJoinTask";
  private static final String THREAD_POOL = CONCURRENT + "ThreadPoolExecutor";
  private static final String VIRTUAL_THREAD = "java/lang/VirtualThread";
  /** The same names as {@link Class#getName()} gives them, for the look at loaded classes. */
  private static final String CONCURRENT_PACKAGE = CONCURRENT.replace('/', '.');
  private static final String FUTURE_TASK_CLASS = FUTURE_TASK.replace('/', '.');
  private static final String THREAD_POOL_CLASS = THREAD_POOL.replace('/', '.');
  private static final String VIRTUAL_THREAD_CLASS = VIRTUAL_THREAD.replace('/', '.');
  /**
   * The classes this weaving changes that are the superclass of another it may see first. A class
   * loaded while a transformer runs is not transformed (the JVM does not call transformers again
   * on that thread), and {@link #extendsForkJoinTask} looks the superclass up: these are loaded
   * before the weaving is registered, so that it never loads one of them.
   */
  private static final String[] SUPERCLASSES = {FORK_JOIN_TASK, FUTURE_TASK, THREAD_POOL,
      CONCURRENT + "CompletableFuture$Completion", CONCURRENT + "ForkJoinTask$InterruptibleTask"};
  private static final String BRIDGE = BootstrapInjector.renamedInternalName(ContextBridge.class);

  private static final InlineAdvice CAPTURE = InlineAdvice.atReturn(site -> {
    site.loadThis();
    site.invokeStatic(BRIDGE, "capture", "(Ljava/lang/Object;)V");
  }, true, false);
  private static final InlineAdvice RESTORE_ONCE = restore(false);
  private static final InlineAdvice RESTORE_AGAIN = restore(true);
  private static final InlineAdvice EXECUTE = InlineAdvice.atEntry(site -> {
    site.loadArgument(0);
    site.invokeStatic(BRIDGE, "wrap", "(Ljava/lang/Runnable;)Ljava/lang/Runnable;");
    site.storeArgument(0);
  });
  private static final InlineAdvice SHUTDOWN_NOW = InlineAdvice.atReturn(site -> {
    site.loadResult();
    site.invokeStatic(BRIDGE, "unwrap", "(Ljava/util/List;)V");
  }, false, false);

  /** Where the bridge was defined, for the hooks of the cores in other class loaders. */
  private static volatile Instrumentation bridged;

  /** Defines the bridge in java.base; the weaving's code calls it. */
  static void injectBridge(Instrumentation instrumentation) throws Exception {
    BootstrapInjector.inject(instrumentation, ContextHandOff::capture, ContextHandOff::attach,
        token -> ((Scope) token).close());
    bridged = instrumentation;
  }

  /**
   * Plugs one more core's context ({capture, attach, detach}) into the bridge; returns the
   * handle to keep as long as that core lives, or null when there is no bridge.
   */
  static Object addHook(Object[] hook) throws Exception {
    Instrumentation instrumentation = bridged;
    return instrumentation == null ? null : BootstrapInjector.call(instrumentation,
        ContextBridge.class, MethodType.methodType(Object.class, Supplier.class, Function.class,
            Consumer.class), "addHook", hook);
  }

  /** A task's context is current while it runs, then forgotten ({@code keep} false) or kept. */
  private static InlineAdvice restore(boolean keep) {
    return InlineAdvice.around(site -> {
      site.loadThis();
      site.loadInt(keep ? 1 : 0);
      site.invokeStatic(BRIDGE, "restore", "(Ljava/lang/Object;Z)Ljava/lang/Object;");
    }, site -> {
      site.loadEnterValue();
      site.invokeStatic(BRIDGE, "end", "(Ljava/lang/Object;)V");
    });
  }

  ContextPropagation() {
    for (String superclass : SUPERCLASSES) {
      try {
        Class.forName(superclass.replace('/', '.'), false, null);
      } catch (ClassNotFoundException | LinkageError e) {
        // not in every JDK (InterruptibleTask is recent): nothing to load then
      }
    }
  }

  @Override
  public boolean wants(String internalName, byte[] classFile) {
    return internalName.equals(FUTURE_TASK) || internalName.equals(FORK_JOIN_TASK)
        || internalName.equals(THREAD_POOL) || internalName.equals(VIRTUAL_THREAD)
        || internalName.startsWith(CONCURRENT) && extendsForkJoinTask(classFile);
  }

  @Override
  public boolean candidate(Class<?> loaded) {
    String name = loaded.getName();
    return name.equals(VIRTUAL_THREAD_CLASS)
        || name.startsWith(CONCURRENT_PACKAGE) && (loaded == ForkJoinTask.class
            || ForkJoinTask.class.isAssignableFrom(loaded) && declaresRun(loaded)
            || name.equals(FUTURE_TASK_CLASS) || name.equals(THREAD_POOL_CLASS));
  }

  /**
   * Whether a loaded subclass of {@code ForkJoinTask} has a {@code run()} of its own to weave:
   * retransforming one without costs the JVM a redefinition that changes nothing.
   */
  private static boolean declaresRun(Class<?> task) {
    try {
      return !Modifier.isAbstract(task.getDeclaredMethod("run").getModifiers());
    } catch (NoSuchMethodException | SecurityException | LinkageError e) {
      return false;
    }
  }

  /**
   * Whether a class of {@code java.util.concurrent} extends {@code ForkJoinTask}: its superclass
   * is read from the class file; a superclass other than {@code ForkJoinTask} is looked up (a
   * JDK class, loaded now rather than just after).
   */
  private static boolean extendsForkJoinTask(byte[] classFile) {
    String superName = new ClassReader(classFile).getSuperName();
    if (superName == null || !superName.startsWith(CONCURRENT)) {
      return false;
    }
    if (superName.equals(FORK_JOIN_TASK)) {
      return true;
    }
    try {
      return ForkJoinTask.class.isAssignableFrom(
          Class.forName(superName.replace('/', '.'), false, null));
    } catch (ClassNotFoundException | LinkageError e) {
      return false;
    }
  }

  @Override
  public Advisor advisor(String owner, int access, @Nullable ClassLoader loader) {
    return ContextPropagation::adviceFor;
  }

  private static InlineAdvice adviceFor(String owner, MethodNode method) {
    boolean constructor = method.name.equals("<init>");
    boolean noArguments = method.desc.startsWith("()");
    switch (owner) {
      case FUTURE_TASK:
        return constructor ? CAPTURE : method.name.equals("run") && noArguments ? RESTORE_ONCE
            : method.name.equals("runAndReset") && noArguments ? RESTORE_AGAIN : null;
      case FORK_JOIN_TASK:
        return constructor ? CAPTURE
            : method.name.equals("doExec") && noArguments ? RESTORE_ONCE : null;
      case THREAD_POOL:
        return method.name.equals("execute") && method.desc.equals("(Ljava/lang/Runnable;)V")
            ? EXECUTE
            : method.name.equals("shutdownNow") && noArguments ? SHUTDOWN_NOW : null;
      case VIRTUAL_THREAD:
        return constructor ? CAPTURE : method.name.equals("run")
            && method.desc.equals("(Ljava/lang/Runnable;)V")
            && (method.access & Opcodes.ACC_PRIVATE) != 0 ? RESTORE_ONCE : null;
      default: // a subclass of ForkJoinTask in java.util.concurrent
        return method.name.equals("run") && noArguments ? RESTORE_ONCE : null;
    }
  }

  @Override
  public void woven() {
    StartupStats.contextWoven();
  }

  @Override
  public String logKey() {
    return "agent-context-";
  }

  @Override
  public String consequence() {
    return "the trace context does not follow work handed to it";
  }
}
