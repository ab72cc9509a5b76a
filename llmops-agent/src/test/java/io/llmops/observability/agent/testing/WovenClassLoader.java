package io.llmops.observability.agent.testing;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;

/**
 * Loads the given class files (woven at build time by a test) itself, and everything else from
 * the test's class loader, as an application whose classes were woven by the plugin would.
 */
public final class WovenClassLoader extends ClassLoader {

  private final Map<String, byte[]> classFiles = new HashMap<>();

  public WovenClassLoader(Map<String, byte[]> classFilesByName) {
    super(WovenClassLoader.class.getClassLoader());
    classFiles.putAll(classFilesByName);
  }

  /** The class file of {@code type} as compiled, from the test's class path. */
  public static byte[] compiled(Class<?> type) {
    String resource = type.getName().replace('.', '/') + ".class";
    try (InputStream in = WovenClassLoader.class.getClassLoader().getResourceAsStream(resource)) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
    byte[] classFile = classFiles.get(name);
    if (classFile == null) {
      return super.loadClass(name, resolve);
    }
    synchronized (getClassLoadingLock(name)) {
      Class<?> loaded = findLoadedClass(name);
      return loaded != null ? loaded : defineClass(name, classFile, 0, classFile.length);
    }
  }

  @Override
  public InputStream getResourceAsStream(String resource) {
    String name = resource.endsWith(".class")
        ? resource.substring(0, resource.length() - ".class".length()).replace('/', '.') : "";
    byte[] classFile = classFiles.get(name);
    return classFile != null ? new ByteArrayInputStream(classFile) : super.getResourceAsStream(resource);
  }
}
