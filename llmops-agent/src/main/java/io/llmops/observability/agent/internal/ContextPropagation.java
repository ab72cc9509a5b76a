package io.llmops.observability.agent.internal;

import static net.bytebuddy.matcher.ElementMatchers.isConstructor;
import static net.bytebuddy.matcher.ElementMatchers.isPrivate;
import static net.bytebuddy.matcher.ElementMatchers.isSubTypeOf;
import static net.bytebuddy.matcher.ElementMatchers.nameStartsWith;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.none;
import static net.bytebuddy.matcher.ElementMatchers.not;
import static net.bytebuddy.matcher.ElementMatchers.takesArgument;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;
import static net.bytebuddy.matcher.ElementMatchers.isAbstract;

import io.llmops.observability.Scope;
import io.llmops.observability.spi.ContextHandOff;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.instrument.Instrumentation;
import java.util.concurrent.ForkJoinTask;
import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.dynamic.ClassFileLocator;

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
 * Internal.
 */
final class ContextPropagation {

  private static final String VIRTUAL_THREAD = "java.lang.VirtualThread";

  private ContextPropagation() {}

  /** Defines the bridge in java.base, then installs {@code weaving}, whose code calls it. */
  static void install(Instrumentation instrumentation, AgentBuilder weaving) throws Exception {
    BootstrapInjector.inject(instrumentation, ContextHandOff::capture, ContextHandOff::attach,
        token -> ((Scope) token).close());
    weaving.installOn(instrumentation);
  }

  /**
   * The weaving of the JDK classes; their advice calls the bridge by its renamed name. The advice
   * is read here, once, not when each class is woven.
   */
  static AgentBuilder weaving() {
    ClassFileLocator locator;
    try {
      locator = BootstrapInjector.adviceLocator(JdkAdvice.class.getDeclaredClasses());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Advice capture = advice(JdkAdvice.Capture.class, locator);
    Advice restoreOnce = advice(JdkAdvice.RestoreOnce.class, locator);
    Advice restoreAgain = advice(JdkAdvice.RestoreAgain.class, locator);
    Advice execute = advice(JdkAdvice.Execute.class, locator);
    Advice shutdownNow = advice(JdkAdvice.ShutdownNow.class, locator);
    String concurrent = "java.util.concurrent.";
    return Weavings.retransforming()
        .with(LoadedClasses.where(type -> type.getName().startsWith(concurrent)
            || type.getName().equals(VIRTUAL_THREAD)))
        .with(new WeavingListener("agent-context-",
            "the trace context does not follow work handed to it", StartupStats::contextWoven))
        .with(WeavingListener.debug())
        .ignore(none())
        .type(named(concurrent + "FutureTask"))
        .transform((builder, type, loader, module, domain) -> builder
            .visit(capture.on(isConstructor()))
            .visit(restoreOnce.on(named("run").and(takesArguments(0))))
            .visit(restoreAgain.on(named("runAndReset").and(takesArguments(0)))))
        .type(named(concurrent + "ForkJoinTask"))
        .transform((builder, type, loader, module, domain) -> builder
            .visit(capture.on(isConstructor()))
            .visit(restoreOnce.on(named("doExec").and(takesArguments(0)))))
        .type(nameStartsWith(concurrent).and(not(named(concurrent + "ForkJoinTask")))
            .and(isSubTypeOf(ForkJoinTask.class)))
        .transform((builder, type, loader, module, domain) -> builder
            .visit(restoreOnce.on(named("run").and(takesArguments(0)).and(not(isAbstract())))))
        .type(named(concurrent + "ThreadPoolExecutor"))
        .transform((builder, type, loader, module, domain) -> builder
            .visit(execute.on(named("execute").and(takesArguments(Runnable.class))))
            .visit(shutdownNow.on(named("shutdownNow").and(takesArguments(0)))))
        .type(named(VIRTUAL_THREAD))
        .transform((builder, type, loader, module, domain) -> builder
            .visit(capture.on(isConstructor()))
            .visit(restoreOnce.on(named("run").and(isPrivate()).and(takesArguments(1))
                .and(takesArgument(0, Runnable.class)))));
  }

  /** {@code type}'s advice, read through {@code locator}: its calls go to the renamed bridge. */
  private static Advice advice(Class<?> type, ClassFileLocator locator) {
    return Advice.to(TypeDescription.ForLoadedType.of(type), locator);
  }
}
