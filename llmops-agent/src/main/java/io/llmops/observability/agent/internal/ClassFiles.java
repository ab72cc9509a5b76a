package io.llmops.observability.agent.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.security.ProtectionDomain;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.nio.charset.StandardCharsets;

/**
 * Cheap questions about class files, asked before ASM parses one: parsing every class an
 * application loads is what made the agent's start slow. Internal.
 */
final class ClassFiles {

  /**
   * In the constant pool of every class that uses one of the annotations (in their descriptors),
   * and of few others; one of these names follows it.
   */
  private static final String ANNOTATIONS = "Lio/llmops/observability/";
  private static final String TRACKED = "Track";
  private static final String RESUMED = "ResumeExternalService;";

  /** Where {@link #of} reads classes directly on this thread; null when it may not. */
  private static final ThreadLocal<Sources> SOURCES = new ThreadLocal<>();

  private ClassFiles() {}

  /**
   * False when the class file certainly declares no method with one of the annotations (it does
   * not name them); true when it may, or when {@code classFile} is null (not known).
   */
  static boolean mayUseTrackedAnnotations(byte[] classFile) {
    if (classFile == null) {
      return true;
    }
    String text = latin1(classFile);
    for (int at = text.indexOf(ANNOTATIONS); at >= 0; at = text.indexOf(ANNOTATIONS, at + 1)) {
      int name = at + ANNOTATIONS.length();
      if (text.startsWith(TRACKED, name) || text.startsWith(RESUMED, name)) {
        return true;
      }
    }
    return false;
  }

  /** Whether {@code marker} (ASCII) occurs in {@code data}. */
  static boolean contains(byte[] data, String marker) {
    return latin1(data).contains(marker);
  }

  /**
   * The bytes as the characters of one byte each: the JDK's string search is an intrinsic, which
   * the agent's code, running interpreted at first, would be ten times slower than.
   */
  private static String latin1(byte[] data) {
    return new String(data, StandardCharsets.ISO_8859_1);
  }

  /**
   * The class file of a loaded class, read from its class loader; null when the loader does not
   * serve it (generated classes). Within {@link #readingJarsDirectly()}, a class from a jar file
   * or a folder is read from there directly: a class loader's resource stream goes through its
   * parents and a URL connection each time, several times slower.
   */
  static byte[] of(Class<?> type) {
    Sources sources = SOURCES.get();
    String resource = type.getName().replace('.', '/') + ".class";
    if (sources != null) {
      byte[] direct = sources.read(type, resource);
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
    Sources sources = new Sources();
    SOURCES.set(sources);
    return () -> {
      SOURCES.remove();
      sources.close();
    };
  }

  /**
   * The jar files and folders classes were loaded from, found once per protection domain (a
   * class loader gives all classes of one location the same): the location's URL, path and
   * kind are worked out once, not for each class.
   */
  private static final class Sources {

    /** A location served by its class loader only: nested jars (Spring Boot), generated. */
    private static final Object NOT_DIRECT = new Object();

    private final Map<ProtectionDomain, Object> byDomain = new IdentityHashMap<>();

    /** The class file from its jar file or folder, or null (then its loader is asked). */
    byte[] read(Class<?> type, String resource) {
      try {
        Object source = byDomain.computeIfAbsent(type.getProtectionDomain(), Sources::open);
        if (source instanceof JarFile jar) {
          JarEntry entry = jar.getJarEntry(resource);
          if (entry == null) {
            return null;
          }
          try (InputStream in = jar.getInputStream(entry)) {
            return in.readAllBytes();
          }
        }
        if (source instanceof Path folder) {
          Path file = folder.resolve(resource);
          return Files.isRegularFile(file) ? Files.readAllBytes(file) : null;
        }
        return null;
      } catch (IOException | RuntimeException e) {
        return null;
      }
    }

    private static Object open(ProtectionDomain domain) {
      CodeSource source = domain.getCodeSource();
      URL location = source == null ? null : source.getLocation();
      if (location == null || !"file".equals(location.getProtocol())) {
        return NOT_DIRECT;
      }
      try {
        Path path = Path.of(location.toURI());
        if (Files.isDirectory(path)) {
          return path;
        }
        return new JarFile(path.toFile(), false);
      } catch (IOException | URISyntaxException | RuntimeException e) {
        return NOT_DIRECT;
      }
    }

    void close() {
      for (Object source : byDomain.values()) {
        if (source instanceof JarFile jar) {
          try {
            jar.close();
          } catch (IOException e) {
            // nothing was written: nothing to lose
          }
        }
      }
    }
  }
}
