package io.llmops.observability.agent.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.Collections;
import java.util.Enumeration;

/**
 * The agent's own class loader, for a JVM whose system class path has no {@code llmops-core}
 * (a Spring Boot executable jar, a servlet container): it defines the agent's classes again from
 * the agent jar, and the copy of {@code llmops-core}, Jackson and jspecify the jar stores under
 * {@code inst/} (class files renamed {@code .classdata}, so that no other loader sees them), so
 * that the weaving links against that core. Its parent is the platform class loader: the
 * application never sees these classes, and nothing goes on the bootstrap class path. Shared
 * with the system class loader's copies: the dispatch point the woven code calls
 * ({@code agent.bootstrap}) and the shaded libraries, which depend on the JDK only.
 *
 * <p>Loaded by the system class loader, so it depends on the JDK only. Internal.
 */
final class AgentLoader extends ClassLoader {

  private static final String AGENT = "io.llmops.observability.agent.";
  private static final String AGENT_PATH = AGENT.replace('.', '/');
  private static final String HIDDEN = "inst/";

  static {
    registerAsParallelCapable();
  }

  /** The loader of the agent jar (the system class loader with {@code -javaagent}). */
  private final ClassLoader jar;

  AgentLoader(ClassLoader jar) {
    super("llmops-agent", ClassLoader.getPlatformClassLoader());
    this.jar = jar;
  }

  @Override
  protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
    if (name.startsWith(AGENT + "bootstrap.") || name.startsWith(AGENT + "shaded.")) {
      return jar.loadClass(name);
    }
    return super.loadClass(name, resolve);
  }

  @Override
  protected Class<?> findClass(String name) throws ClassNotFoundException {
    String path = name.replace('.', '/') + ".class";
    URL classFile = findResource(path);
    if (classFile == null) {
      throw new ClassNotFoundException(name);
    }
    try (InputStream in = classFile.openStream()) {
      byte[] bytes = in.readAllBytes();
      return defineClass(name, bytes, 0, bytes.length, getClass().getProtectionDomain());
    } catch (IOException e) {
      throw new ClassNotFoundException(name, e);
    }
  }

  /** The agent's own class files as they are in the jar; everything else from {@code inst/}. */
  @Override
  protected URL findResource(String name) {
    if (name.startsWith(AGENT_PATH) && name.endsWith(".class")) {
      return jar.getResource(name);
    }
    return jar.getResource(HIDDEN + (name.endsWith(".class")
        ? name.substring(0, name.length() - ".class".length()) + ".classdata" : name));
  }

  @Override
  protected Enumeration<URL> findResources(String name) {
    URL found = findResource(name);
    return found == null ? Collections.emptyEnumeration() : Collections.enumeration(
        Collections.singletonList(found));
  }
}
