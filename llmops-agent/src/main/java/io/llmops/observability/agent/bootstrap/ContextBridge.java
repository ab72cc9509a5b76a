package io.llmops.observability.agent.bootstrap;

import java.lang.ref.Reference;
import java.lang.ref.ReferenceQueue;
import java.lang.ref.WeakReference;
import java.util.Arrays;
import java.util.List;
import java.util.ListIterator;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ForkJoinTask;
import java.util.concurrent.FutureTask;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Code woven into JDK classes ({@code FutureTask}, {@code ForkJoinTask}, {@code ThreadPoolExecutor},
 * {@code VirtualThread}) calls this class. The agent defines a renamed copy of it (and of its
 * nested classes) in {@code java.base} at start-up, where those JDK classes can see it, so it
 * depends on the JDK only: capturing and restoring the trace context is delegated to the
 * functions that the agent registers with {@link #setHook}; with none every method does
 * nothing. No method throws. Internal, may change.
 *
 * <p>Contexts are kept per task in a table with weak, identity keys: an entry is removed when
 * its task runs, or by the garbage collector when the task never runs.
 */
public final class ContextBridge {

  /** What the agent plugs in: the core's context, seen as opaque objects. */
  static final class Hook {
    private final Supplier<Object> capture;
    private final Function<Object, Object> attach;
    private final Consumer<Object> detach;

    Hook(Supplier<Object> capture, Function<Object, Object> attach, Consumer<Object> detach) {
      this.capture = capture;
      this.attach = attach;
      this.detach = detach;
    }

    /** The calling thread's context, or null when there is nothing to carry. */
    Object capture() {
      return capture.get();
    }

    /** Makes {@code context} current; returns what {@link #detach} needs to undo it. */
    Object attach(Object context) {
      return attach.apply(context);
    }

    /** Restores what was current before the matching {@link #attach}. */
    void detach(Object token) {
      detach.accept(token);
    }
  }

  /** A context captured by one of the {@link #addHook added} hooks, with the hook that reads it. */
  static final class Carried {
    final Hook hook;
    final Object value;

    Carried(Hook hook, Object value) {
      this.hook = hook;
      this.value = value;
    }
  }

  private static volatile Hook hook;
  /** The hooks of the cores in other class loaders (one per application), held weakly. */
  @SuppressWarnings("unchecked")
  private static volatile WeakReference<Hook>[] added = new WeakReference[0];
  private static final ConcurrentHashMap<Key, Object> CONTEXTS = new ConcurrentHashMap<>();
  private static final ReferenceQueue<Object> COLLECTED = new ReferenceQueue<>();

  private ContextBridge() {}

  /**
   * Plugs in the core's context: {@code capture} returns the calling thread's context (null when
   * there is nothing to carry), {@code attach} makes one current and returns what {@code detach}
   * needs to restore what was current before.
   */
  public static void setHook(Supplier<Object> capture, Function<Object, Object> attach,
      Consumer<Object> detach) {
    hook = new Hook(capture, attach, detach);
  }

  /**
   * Plugs in the context of one more core (an application's own, in a class loader of its own);
   * the context a task carries is the one of the first core that has one on the submitting
   * thread. Returns the hook, held weakly here: the caller keeps it as long as that core lives.
   */
  @SuppressWarnings("unchecked")
  public static synchronized Object addHook(Supplier<Object> capture,
      Function<Object, Object> attach, Consumer<Object> detach) {
    Hook plugged = new Hook(capture, attach, detach);
    int live = 0;
    WeakReference<Hook>[] current = added;
    WeakReference<Hook>[] next = new WeakReference[current.length + 1];
    for (WeakReference<Hook> reference : current) {
      if (reference.get() != null) {
        next[live++] = reference;
      }
    }
    next[live++] = new WeakReference<>(plugged);
    added = Arrays.copyOf(next, live);
    return plugged;
  }

  /** Whether no core is plugged in: every method then does nothing. */
  private static boolean off(Hook current) {
    return current == null && added.length == 0;
  }

  /** The calling thread's context, as the first hook that has one sees it; null if none does. */
  private static Object captureAny(Hook current) {
    if (current != null) {
      Object context = current.capture();
      if (context != null) {
        return context;
      }
    }
    for (WeakReference<Hook> reference : added) {
      Hook other = reference.get();
      Object context = other == null ? null : other.capture();
      if (context != null) {
        return new Carried(other, context);
      }
    }
    return null;
  }

  private static Object attachAny(Hook current, Object context) {
    if (context instanceof Carried) {
      Carried carried = (Carried) context;
      return new Carried(carried.hook, carried.hook.attach(carried.value));
    }
    return current == null ? null : current.attach(context);
  }

  private static void detachAny(Hook current, Object token) {
    if (token instanceof Carried) {
      Carried carried = (Carried) token;
      carried.hook.detach(carried.value);
    } else if (current != null) {
      current.detach(token);
    }
  }

  /** Number of tasks holding a context (for tests and diagnostics). */
  public static int pending() {
    expunge();
    return CONTEXTS.size();
  }

  /** When a task is created: remembers the creating thread's context for it. */
  public static void capture(Object task) {
    Hook current = hook;
    if (off(current) || task == null) {
      return;
    }
    try {
      Object context = captureAny(current);
      if (context != null) {
        expunge();
        CONTEXTS.put(new Key(task, COLLECTED), context);
      }
    } catch (Throwable ignored) {
      // never reaches the application
    }
  }

  /**
   * When a task starts running: makes its captured context current. Returns the token for
   * {@link #end}, or null. {@code keep} keeps the context for a task that runs again (periodic).
   */
  public static Object restore(Object task, boolean keep) {
    Hook current = hook;
    if (off(current) || task == null || CONTEXTS.isEmpty()) {
      return null;
    }
    try {
      Key key = new Key(task, null);
      Object context = keep ? CONTEXTS.get(key) : CONTEXTS.remove(key);
      return context == null ? null : attachAny(current, context);
    } catch (Throwable ignored) {
      return null;
    }
  }

  /** When a task stops running: restores what was current before {@link #restore}. */
  public static void end(Object token) {
    Hook current = hook;
    if (off(current) || token == null) {
      return;
    }
    try {
      detachAny(current, token);
    } catch (Throwable ignored) {
      // never reaches the application
    }
  }

  /**
   * {@code ThreadPoolExecutor.execute}: a plain {@code Runnable} (not a {@code FutureTask} or
   * {@code ForkJoinTask}, which carry their own context) is wrapped with the caller's context.
   */
  public static Runnable wrap(Runnable command) {
    Hook current = hook;
    if (off(current) || command == null || command instanceof ContextRunnable
        || command instanceof FutureTask || command instanceof ForkJoinTask) {
      return command;
    }
    try {
      Object context = captureAny(current);
      return context == null ? command : new ContextRunnable(command, context);
    } catch (Throwable ignored) {
      return command;
    }
  }

  /** {@code ThreadPoolExecutor.shutdownNow}: hands back the tasks as they were submitted. */
  public static void unwrap(List<Runnable> tasks) {
    if (tasks == null) {
      return;
    }
    try {
      for (ListIterator<Runnable> it = tasks.listIterator(); it.hasNext(); ) {
        Runnable task = it.next();
        if (task instanceof ContextRunnable) {
          it.set(((ContextRunnable) task).task);
        }
      }
    } catch (Throwable ignored) {
      // an unmodifiable list: left as it is
    }
  }

  private static void expunge() {
    for (Reference<?> stale; (stale = COLLECTED.poll()) != null; ) {
      CONTEXTS.remove(stale);
    }
  }

  /** A plain {@code Runnable} given to {@code ThreadPoolExecutor.execute}, with its context. */
  public static final class ContextRunnable implements Runnable {
    final Runnable task;
    private final Object context;

    ContextRunnable(Runnable task, Object context) {
      this.task = task;
      this.context = context;
    }

    @Override
    public void run() {
      Hook current = hook;
      Object token = null;
      if (!off(current)) {
        try {
          token = attachAny(current, context);
        } catch (Throwable ignored) {
          token = null;
        }
      }
      try {
        task.run();
      } finally {
        end(token);
      }
    }

    @Override
    public String toString() {
      return task.toString();
    }
  }

  /** Weak identity key: equal to another key of the same (still reachable) object. */
  static final class Key extends WeakReference<Object> {
    private final int hash;

    Key(Object referent, ReferenceQueue<Object> queue) {
      super(referent, queue);
      this.hash = System.identityHashCode(referent);
    }

    @Override
    public int hashCode() {
      return hash;
    }

    @Override
    public boolean equals(Object other) {
      if (other == this) {
        return true;
      }
      if (!(other instanceof Key)) {
        return false;
      }
      Object referent = get();
      return referent != null && referent == ((Key) other).get();
    }
  }
}
