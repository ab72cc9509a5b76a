package io.llmops.observability.agent.internal;

import io.llmops.observability.spi.SdkLog;
import java.lang.instrument.Instrumentation;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;
import java.util.List;
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
    Set<Class<?>> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    List<Class<?>> chosen = new ArrayList<>();
    try (AutoCloseable jars = ClassFiles.readingJarsDirectly()) {
      for (Class<?> type : instrumentation.getAllLoadedClasses()) {
        seen.add(type);
        if (retransformable(instrumentation, type) && candidate.test(type)) {
          chosen.add(type);
        }
      }
    } catch (Exception e) {
      // closing the jar files failed: the look itself is complete
    }
    return new Scan(seen, chosen);
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
