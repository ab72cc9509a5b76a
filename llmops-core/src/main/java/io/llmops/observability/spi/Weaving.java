package io.llmops.observability.spi;

import java.lang.reflect.Field;
import org.jspecify.annotations.Nullable;

/**
 * Whether something weaves the {@code @Track*} annotations in this JVM: the agent (or a later
 * build-time or Spring integration) says so when it starts, and the core warns once when an
 * annotated method is seen on the stack while nothing weaves. Process-wide, like the agent
 * itself; thread-safe; never throws.
 */
public final class Weaving {

  /**
   * The synthetic static field a class woven at build time carries ({@code llmops-maven-plugin}):
   * the agent and Spring AOP leave such a class to its own woven code.
   */
  public static final String BUILD_TIME_MARKER = "llmops$wovenAtBuildTime";

  /**
   * How code woven at build time names itself to {@link #markActive} (when nothing else did):
   * Spring AOP still records the beans that were not woven.
   */
  public static final String BUILD_TIME = "llmops-build-time";

  private static volatile @Nullable String activeBy;

  private Weaving() {}

  /** Called by what weaves the annotations, once it is in place; {@code by} names it. */
  public static void markActive(String by) {
    activeBy = by == null || by.isBlank() ? "unnamed" : by;
  }

  /** Whether anything said it weaves the annotations in this JVM. */
  public static boolean isActive() {
    return activeBy != null;
  }

  /**
   * The name of what weaves the annotations, as given to {@link #markActive}, or null; an
   * integration that stands back for another (Spring AOP for the agent) compares it with its own.
   */
  public static @Nullable String activeBy() {
    return activeBy;
  }

  /** Whether {@code type} was woven at build time (it declares {@link #BUILD_TIME_MARKER}). */
  public static boolean wovenAtBuildTime(Class<?> type) {
    try {
      for (Field field : type.getDeclaredFields()) {
        if (field.isSynthetic() && field.getName().equals(BUILD_TIME_MARKER)) {
          return true;
        }
      }
      return false;
    } catch (RuntimeException | LinkageError e) {
      return false; // a field type that cannot be loaded: not ours to judge
    }
  }
}
