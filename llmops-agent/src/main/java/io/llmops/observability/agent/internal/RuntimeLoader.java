package io.llmops.observability.agent.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.Set;

/**
 * Holds the copies of the agent's runtime classes ({@link Dispatcher}, {@code CallStack},
 * {@code ActiveCall}...) made for one application class loader that has an {@code llmops-core}
 * of its own: they are defined here from the agent jar's class files, so that they link against
 * what that loader sees (its core, its Reactor, its {@code llmops-bedrock}). The classes shared
 * by every copy (the method settings the weaving registered, the JDK-only dispatch point, ASM)
 * are the agent's own. Nothing is added to the application's loader, which is this one's parent.
 * Internal.
 */
final class RuntimeLoader extends ClassLoader {

  private static final String INTERNAL = "io.llmops.observability.agent.internal.";
  private static final String BOOTSTRAP = "io.llmops.observability.agent.bootstrap.";
  private static final String SHADED = "io.llmops.observability.agent.shaded.";
  /** Read by every copy as the agent's: the settings of the woven methods, by id. */
  private static final Set<String> SHARED = Set.of(INTERNAL + "MethodRegistry",
      INTERNAL + "TrackedMethod", INTERNAL + "PromptLink");

  static {
    registerAsParallelCapable();
  }

  private final ClassLoader agent;

  RuntimeLoader(ClassLoader application, ClassLoader agent) {
    super("llmops-runtime", application);
    this.agent = agent;
  }

  @Override
  protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
    if (SHARED.contains(name) || name.startsWith(BOOTSTRAP) || name.startsWith(SHADED)) {
      return agent.loadClass(name);
    }
    if (!name.startsWith(INTERNAL)) {
      return super.loadClass(name, resolve); // the application's: its core first of all
    }
    synchronized (getClassLoadingLock(name)) {
      Class<?> copy = findLoadedClass(name);
      if (copy == null) {
        byte[] classFile = classFile(name);
        copy = defineClass(name, classFile, 0, classFile.length, getClass().getProtectionDomain());
      }
      if (resolve) {
        resolveClass(copy);
      }
      return copy;
    }
  }

  private byte[] classFile(String name) throws ClassNotFoundException {
    try (InputStream in = agent.getResourceAsStream(name.replace('.', '/') + ".class")) {
      if (in == null) {
        throw new ClassNotFoundException(name);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new ClassNotFoundException(name, e);
    }
  }
}
