package io.llmops.observability.agent.internal;

import io.llmops.observability.spi.SdkLog;
import java.lang.instrument.Instrumentation;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * The classes loaded before the agent that its weavings change: chosen by a cheap test (by name;
 * for the application's classes, a byte search of the class file), then retransformed. Internal.
 */
final class LoadedClasses {

  private LoadedClasses() {}

  /** The loaded classes that can be retransformed and pass {@code candidate}. */
  static List<Class<?>> matching(Instrumentation instrumentation, Predicate<Class<?>> candidate) {
    List<Class<?>> chosen = new ArrayList<>();
    for (Class<?> type : instrumentation.getAllLoadedClasses()) {
      if (!type.isArray() && !type.isPrimitive() && instrumentation.isModifiableClass(type)
          && candidate.test(type)) {
        chosen.add(type);
      }
    }
    return chosen;
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
