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
   * In the constant pool of every class that uses one of the annotations (their descriptors all
   * start with it), and of few others.
   */
  private static final byte[] TRACKED = "Lio/llmops/observability/Track"
      .getBytes(StandardCharsets.US_ASCII);

  private ClassFiles() {}

  /**
   * False when the class file certainly declares no method with one of the annotations (it does
   * not name them); true when it may, or when {@code classFile} is null (not known).
   */
  static boolean mayUseTrackedAnnotations(byte[] classFile) {
    return classFile == null || contains(classFile, TRACKED);
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
    outer:
    for (int i = 0, last = data.length - marker.length; i <= last; i++) {
      for (int j = 0; j < marker.length; j++) {
        if (data[i + j] != marker[j]) {
          continue outer;
        }
      }
      return true;
    }
    return false;
  }
}
