package io.llmops.observability.agent.internal;

import java.io.IOException;
import java.io.InputStream;
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
   * serve it (generated classes).
   */
  static byte[] of(Class<?> type) {
    ClassLoader loader = type.getClassLoader();
    String resource = type.getName().replace('.', '/') + ".class";
    try (InputStream in = loader == null ? ClassLoader.getSystemResourceAsStream(resource)
        : loader.getResourceAsStream(resource)) {
      return in == null ? null : in.readAllBytes();
    } catch (IOException | RuntimeException e) {
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
