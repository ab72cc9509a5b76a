package io.llmops.observability.spi;

import org.jspecify.annotations.Nullable;

/**
 * Whether something weaves the {@code @Track*} annotations in this JVM: the agent (or a later
 * build-time or Spring integration) says so when it starts, and the core warns once when an
 * annotated method is seen on the stack while nothing weaves. Process-wide, like the agent
 * itself; thread-safe; never throws.
 */
public final class Weaving {

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
}
