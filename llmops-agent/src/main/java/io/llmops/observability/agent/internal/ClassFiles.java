package io.llmops.observability.agent.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.HashMap;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.nio.charset.StandardCharsets;

/**
 * Cheap questions about class files, asked before ByteBuddy or ASM parse one: parsing every class
 * an application loads is what made the agent's start slow. Internal.
 */
final class ClassFiles {

  /**
   * In the constant pool of every class that uses one of the annotations (in their descriptors),
   * and of few others; one of these names follows it.
   */
  private static final byte[] ANNOTATIONS = ascii("Lio/llmops/observability/");
  private static final byte[] TRACKED = ascii("Track");
  private static final byte[] RESUMED = ascii("ResumeExternalService;");

  /** The jar files {@link #of} reads directly on this thread, by location; null when it may not. */
  private static final ThreadLocal<Map<URL, JarFile>> OPEN_JARS = new ThreadLocal<>();

  private ClassFiles() {}

  /**
   * False when the class file certainly declares no method with one of the annotations (it does
   * not name them); true when it may, or when {@code classFile} is null (not known).
   */
  static boolean mayUseTrackedAnnotations(byte[] classFile) {
    if (classFile == null) {
      return true;
    }
    for (int at = indexOf(classFile, ANNOTATIONS, 0); at >= 0;
        at = indexOf(classFile, ANNOTATIONS, at + 1)) {
      int name = at + ANNOTATIONS.length;
      if (matchesAt(classFile, name, TRACKED) || matchesAt(classFile, name, RESUMED)) {
        return true;
      }
    }
    return false;
  }

  /**
   * The class file of a loaded class, read from its class loader; null when the loader does not
   * serve it (generated classes). Within {@link #readingJarsDirectly()}, a class from a jar file
   * or a folder is read from there directly: a class loader's resource stream goes through its
   * parents and a URL connection each time, several times slower.
   */
  static byte[] of(Class<?> type) {
    Map<URL, JarFile> jars = OPEN_JARS.get();
    String resource = type.getName().replace('.', '/') + ".class";
    if (jars != null) {
      byte[] direct = direct(type, resource, jars);
      if (direct != null) {
        return direct;
      }
    }
    ClassLoader loader = type.getClassLoader();
    try (InputStream in = loader == null ? ClassLoader.getSystemResourceAsStream(resource)
        : loader.getResourceAsStream(resource)) {
      return in == null ? null : in.readAllBytes();
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  /**
   * Lets {@link #of} read classes of this thread from their jar files and folders directly until
   * closed (which closes the jar files it opened).
   */
  static AutoCloseable readingJarsDirectly() {
    Map<URL, JarFile> jars = new HashMap<>();
    OPEN_JARS.set(jars);
    return () -> {
      OPEN_JARS.remove();
      for (JarFile jar : jars.values()) {
        if (jar != null) {
          try {
            jar.close();
          } catch (IOException e) {
            // nothing was written: nothing to lose
          }
        }
      }
    };
  }

  private static byte[] direct(Class<?> type, String resource, Map<URL, JarFile> jars) {
    try {
      CodeSource source = type.getProtectionDomain().getCodeSource();
      URL location = source == null ? null : source.getLocation();
      if (location == null || !"file".equals(location.getProtocol())) {
        return null; // nested jars (Spring Boot), generated classes: the loader knows
      }
      Path path = Path.of(location.toURI());
      if (Files.isDirectory(path)) {
        Path file = path.resolve(resource);
        return Files.isRegularFile(file) ? Files.readAllBytes(file) : null;
      }
      JarFile jar = jars.computeIfAbsent(location, url -> open(path));
      JarEntry entry = jar == null ? null : jar.getJarEntry(resource);
      if (entry == null) {
        return null;
      }
      try (InputStream in = jar.getInputStream(entry)) {
        return in.readAllBytes();
      }
    } catch (IOException | URISyntaxException | RuntimeException e) {
      return null;
    }
  }

  private static JarFile open(Path path) {
    try {
      return new JarFile(path.toFile(), false);
    } catch (IOException e) {
      return null;
    }
  }

  /** Whether {@code marker} occurs in {@code data}. */
  static boolean contains(byte[] data, byte[] marker) {
    return indexOf(data, marker, 0) >= 0;
  }

  /** Where {@code marker} first occurs in {@code data} from {@code from} on, or -1. */
  private static int indexOf(byte[] data, byte[] marker, int from) {
    for (int i = from, last = data.length - marker.length; i <= last; i++) {
      if (matchesAt(data, i, marker)) {
        return i;
      }
    }
    return -1;
  }

  private static boolean matchesAt(byte[] data, int at, byte[] marker) {
    if (at + marker.length > data.length) {
      return false;
    }
    for (int j = 0; j < marker.length; j++) {
      if (data[at + j] != marker[j]) {
        return false;
      }
    }
    return true;
  }

  private static byte[] ascii(String text) {
    return text.getBytes(StandardCharsets.US_ASCII);
  }
}
