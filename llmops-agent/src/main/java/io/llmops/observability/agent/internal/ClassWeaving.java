package io.llmops.observability.agent.internal;

import org.jspecify.annotations.Nullable;
import org.objectweb.asm.tree.MethodNode;

/**
 * One of the agent's weavings, as {@link WeavingTransformer} runs it: which class files it
 * changes (decided before any is parsed), which classes loaded before the agent it retransforms,
 * and the advice it inlines into which methods. Internal.
 */
interface ClassWeaving {

  /** Whether the class file of {@code internalName} may be woven; cheap, nothing parsed. */
  boolean wants(String internalName, byte[] classFile);

  /** Whether a class loaded before the agent is retransformed. */
  boolean candidate(Class<?> loaded);

  /**
   * How this weaving advises the methods of the class {@code owner} whose flags are {@code
   * access}, of {@code loader} (null: the bootstrap's); null when it weaves none of them.
   */
  @Nullable Advisor advisor(String owner, int access, @Nullable ClassLoader loader);

  /** Called for each class woven. */
  void woven();

  /** The prefix of the log key of a class that could not be woven. */
  String logKey();

  /** What the application loses when a class cannot be woven. */
  String consequence();

  /** The advice of the methods of one class, decided method by method. */
  @FunctionalInterface
  interface Advisor {

    /**
     * The advice of {@code method} of {@code owner}, or null. Unless {@link #byHeader} says
     * otherwise, it is decided by the method's header alone (flags, name, descriptor): the
     * method is not read then, and one without advice is copied as it is.
     */
    @Nullable InlineAdvice adviceFor(String owner, MethodNode method);

    /** Whether {@link #adviceFor} needs the header only; false: the whole method, read. */
    default boolean byHeader() {
      return true;
    }

    /** {@code advisor}, deciding on whole methods (their annotations, say). */
    static Advisor readingWholeMethods(Advisor advisor) {
      return new Advisor() {
        @Override
        public @Nullable InlineAdvice adviceFor(String owner, MethodNode method) {
          return advisor.adviceFor(owner, method);
        }

        @Override
        public boolean byHeader() {
          return false;
        }
      };
    }
  }
}
