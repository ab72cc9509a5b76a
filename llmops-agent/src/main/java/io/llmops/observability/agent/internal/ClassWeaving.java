package io.llmops.observability.agent.internal;

import org.objectweb.asm.tree.ClassNode;

/**
 * One of the agent's weavings, as {@link WeavingTransformer} runs it: which class files it
 * changes (decided before any is parsed), which classes loaded before the agent it retransforms,
 * and the change itself. Internal.
 */
interface ClassWeaving {

  /** Whether the class file of {@code internalName} may be woven; cheap, nothing parsed. */
  boolean wants(String internalName, byte[] classFile);

  /** Whether a class loaded before the agent is retransformed. */
  boolean candidate(Class<?> loaded);

  /** Weaves {@code type}; false when it changed nothing. */
  boolean weave(ClassNode type);

  /** As {@link #weave(ClassNode)}, for a class of {@code loader} (null: the bootstrap's). */
  default boolean weave(ClassNode type, ClassLoader loader) {
    return weave(type);
  }

  /** Called for each class woven. */
  void woven();

  /** The prefix of the log key of a class that could not be woven. */
  String logKey();

  /** What the application loses when a class cannot be woven. */
  String consequence();
}
