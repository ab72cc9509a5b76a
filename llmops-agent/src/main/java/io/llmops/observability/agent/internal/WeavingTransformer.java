package io.llmops.observability.agent.internal;

import io.llmops.observability.spi.SdkLog;
import java.lang.instrument.ClassFileTransformer;
import java.security.ProtectionDomain;
import java.util.List;
import org.objectweb.asm.ClassReader;

/**
 * The agent's class file transformer: hands each class file to the first of its weavings that
 * wants it (a test by name or a byte search, before anything is parsed), which rewrites it with
 * ASM. A class that cannot be woven is logged once and loads unchanged. Internal.
 */
final class WeavingTransformer implements ClassFileTransformer {

  /** {@code -Dllmops.agent.debug=true}: each weaving error on standard error too, every time. */
  private static final boolean DEBUG = Boolean.getBoolean("llmops.agent.debug");

  private final List<ClassWeaving> weavings;

  WeavingTransformer(List<ClassWeaving> weavings) {
    this.weavings = List.copyOf(weavings);
  }

  @Override
  public byte[] transform(ClassLoader loader, String className, Class<?> redefined,
      ProtectionDomain domain, byte[] classFile) {
    if (className == null || classFile == null) {
      return null;
    }
    try {
      for (ClassWeaving weaving : weavings) {
        if (weaving.wants(className, classFile)) {
          return weave(weaving, loader, className, classFile);
        }
      }
      return null;
    } catch (StackOverflowError e) {
      // A class loaded with no stack left (deep in a recursion): an error thrown out of a
      // transformer makes the JVM print an assertion failure; it loads unwoven.
      return null;
    }
  }

  /** Whether a class loaded before the agent is to be retransformed by one of the weavings. */
  boolean candidate(Class<?> loaded) {
    for (ClassWeaving weaving : weavings) {
      if (weaving.candidate(loaded)) {
        return true;
      }
    }
    return false;
  }

  private static byte[] weave(ClassWeaving weaving, ClassLoader loader, String className,
      byte[] classFile) {
    try {
      byte[] woven = rewrite(weaving, loader, classFile);
      if (woven != null) {
        weaving.woven();
      }
      return woven;
    } catch (RuntimeException | LinkageError e) {
      String name = className.replace('/', '.');
      if (DEBUG) {
        System.err.println("llmops-agent: could not weave " + name + ": " + e);
        e.printStackTrace();
      }
      SdkLog.errorOnce(weaving.logKey() + name,
          "llmops-agent: could not weave " + name + "; " + weaving.consequence(), e);
      return null;
    }
  }

  /** {@code classFile} as {@code weaving} changes it, or null when it changes nothing. */
  static byte[] rewrite(ClassWeaving weaving, byte[] classFile) {
    return rewrite(weaving, ClassLoader.getSystemClassLoader(), classFile);
  }

  /** As {@link #rewrite(ClassWeaving, byte[])}, for a class of {@code loader}. */
  static byte[] rewrite(ClassWeaving weaving, ClassLoader loader, byte[] classFile) {
    ClassReader reader = new ClassReader(classFile);
    ClassWeaving.Advisor advisor = weaving.advisor(reader.getClassName(), reader.getAccess(),
        loader);
    return advisor == null ? null : AdvisedClass.rewrite(reader, advisor);
  }
}
