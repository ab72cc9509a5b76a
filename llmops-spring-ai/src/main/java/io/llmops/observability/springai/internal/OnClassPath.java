package io.llmops.observability.springai.internal;

/** Whether a class of an optional Spring AI module is there, looked up once. Internal. */
public final class OnClassPath {

  private OnClassPath() {}

  /** Whether {@code className} can be loaded by this module's class loader (not initialised). */
  public static boolean has(String className) {
    try {
      Class.forName(className, false, OnClassPath.class.getClassLoader());
      return true;
    } catch (ClassNotFoundException | LinkageError e) {
      return false;
    }
  }
}
