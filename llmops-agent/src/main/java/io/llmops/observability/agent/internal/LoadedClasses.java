package io.llmops.observability.agent.internal;

import io.llmops.observability.spi.SdkLog;
import java.lang.instrument.Instrumentation;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * The classes loaded before the agent that its weavings change: chosen by a cheap test (by name;
 * for the application's classes, a byte search of the class file), then retransformed. Internal.
 */
public final class LoadedClasses {

  private LoadedClasses() {}

  /**
   * A look at the loaded classes taken before the weavings were registered: every class seen,
   * and those a (broader) test chose.
   */
  public record Scan(Set<Class<?>> seen, List<Class<?>> chosen) {}

  /** The loaded classes that can be retransformed and pass {@code candidate}, and all seen. */
  static Scan scan(Instrumentation instrumentation, Predicate<Class<?>> candidate) {
    Look look = new Look(instrumentation, candidate);
    look.help();
    return look.await();
  }

  /**
   * A look at the classes loaded now that several threads share: each that {@link #help}s takes
   * the next few classes not yet taken until none is left (reading the application's class files
   * is most of the work, and {@code LlmopsAgent.install()} has two threads at hand).
   */
  static final class Look {

    /** Classes taken at once: few enough that two threads end close together. */
    private static final int BATCH = 64;

    private final Instrumentation instrumentation;
    private final Predicate<Class<?>> candidate;
    private final Class<?>[] loaded;
    private final boolean[] chosen;
    private final AtomicInteger next = new AtomicInteger();
    private final CountDownLatch batchesLeft;

    Look(Instrumentation instrumentation, Predicate<Class<?>> candidate) {
      this.instrumentation = instrumentation;
      this.candidate = candidate;
      loaded = instrumentation.getAllLoadedClasses();
      chosen = new boolean[loaded.length];
      batchesLeft = new CountDownLatch((loaded.length + BATCH - 1) / BATCH);
    }

    /** Looks at classes until none is left to take; returns at once when none is. */
    void help() {
      if (next.get() >= loaded.length) {
        return;
      }
      try (AutoCloseable jars = ClassFiles.readingJarsDirectly()) {
        for (int from = next.getAndAdd(BATCH); from < loaded.length;
            from = next.getAndAdd(BATCH)) {
          try {
            for (int i = from, end = Math.min(from + BATCH, loaded.length); i < end; i++) {
              chosen[i] = retransformable(instrumentation, loaded[i]) && chosen(loaded[i]);
            }
          } finally {
            batchesLeft.countDown(); // even when this thread dies: the other must not wait
          }
        }
      } catch (Exception e) {
        // closing the jar files failed: the look itself is complete
      }
    }

    /** The look's result once every class was looked at (by whichever thread). */
    Scan await() {
      Uninterruptibly.await(batchesLeft);
      Set<Class<?>> seen = Collections.newSetFromMap(new IdentityHashMap<>(loaded.length * 2));
      List<Class<?>> picked = new ArrayList<>();
      for (int i = 0; i < loaded.length; i++) {
        seen.add(loaded[i]);
        if (chosen[i]) {
          picked.add(loaded[i]);
        }
      }
      return new Scan(seen, picked);
    }

    /** A test that fails on a class is answered yes: the weaving then logs why, once. */
    private boolean chosen(Class<?> type) {
      try {
        return candidate.test(type);
      } catch (RuntimeException | LinkageError e) {
        return true;
      }
    }
  }

  /**
   * The loaded classes that can be retransformed and pass {@code candidate}: of those {@code
   * earlier} chose, and of all loaded since it looked (null: all loaded now).
   */
  static List<Class<?>> matching(Instrumentation instrumentation, Predicate<Class<?>> candidate,
      @Nullable Scan earlier) {
    if (earlier == null) {
      return scan(instrumentation, candidate).chosen();
    }
    List<Class<?>> chosen = new ArrayList<>();
    for (Class<?> type : earlier.chosen()) {
      if (candidate.test(type)) {
        chosen.add(type);
      }
    }
    for (Class<?> type : instrumentation.getAllLoadedClasses()) {
      if (!earlier.seen().contains(type) && retransformable(instrumentation, type)
          && candidate.test(type)) {
        chosen.add(type);
      }
    }
    return chosen;
  }

  private static boolean retransformable(Instrumentation instrumentation, Class<?> type) {
    return !type.isArray() && !type.isPrimitive() && instrumentation.isModifiableClass(type);
  }

  /**
   * Retransforms {@code classes}, all at once; when the JVM refuses the batch, one by one, so
   * that one class it refuses (logged) leaves the others woven.
   */
  static void retransform(Instrumentation instrumentation, List<Class<?>> classes) {
    if (classes.isEmpty()) {
      return;
    }
    try {
      instrumentation.retransformClasses(classes.toArray(new Class<?>[0]));
    } catch (Exception | LinkageError batch) {
      for (Class<?> type : classes) {
        try {
          instrumentation.retransformClasses(type);
        } catch (Exception | LinkageError e) {
          SdkLog.errorOnce("agent-retransform-" + type.getName(), "llmops-agent: could not weave "
              + type.getName() + ", loaded before the agent; it runs unwoven", e);
        }
      }
    }
  }
}
