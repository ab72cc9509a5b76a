package io.llmops.observability.agent.internal;

import java.lang.instrument.Instrumentation;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import net.bytebuddy.agent.builder.AgentBuilder;

/**
 * Which of the classes loaded before a weaving was installed it considers for retransformation.
 * ByteBuddy describes every class it considers, which for a class of the application means
 * reading and parsing its class file: a cheap test first keeps it to the few that can match.
 * Internal.
 */
final class LoadedClasses implements AgentBuilder.RedefinitionStrategy.DiscoveryStrategy {

  private final Predicate<Class<?>> candidate;

  private LoadedClasses(Predicate<Class<?>> candidate) {
    this.candidate = candidate;
  }

  /** The loaded classes that pass {@code candidate}. */
  static LoadedClasses where(Predicate<Class<?>> candidate) {
    return new LoadedClasses(candidate);
  }

  /** The loaded classes named {@code prefix...}. */
  static LoadedClasses named(String prefix) {
    return where(type -> type.getName().startsWith(prefix));
  }

  /**
   * Classes of the application (not the JDK's, nor ByteBuddy's or the agent's own), other than
   * hidden classes (lambdas), whose class file names one of the annotations or is not at hand.
   */
  static LoadedClasses usingTrackedAnnotations() {
    return where(type -> type.getClassLoader() != null && !type.isHidden()
        && !AgentInstaller.outsideTheApplication(type.getName())
        && ClassFiles.mayUseTrackedAnnotations(ClassFiles.of(type)));
  }

  @Override
  public Iterable<Iterable<Class<?>>> resolve(Instrumentation instrumentation) {
    List<Class<?>> chosen = new ArrayList<>();
    for (Class<?> type : instrumentation.getAllLoadedClasses()) {
      if (!type.isArray() && !type.isPrimitive() && instrumentation.isModifiableClass(type)
          && candidate.test(type)) {
        chosen.add(type);
      }
    }
    return List.of(chosen);
  }
}
