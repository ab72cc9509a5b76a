package io.llmops.observability.spring.boot.buildtime;

import io.llmops.observability.agent.internal.BuildTimeWeaver;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.invoke.MethodHandles;

/**
 * Weaves a class of this package with the agent's {@link BuildTimeWeaver}, as llmops-maven-plugin
 * weaves it, and defines the woven class in the test's own class loader: Spring's component scan
 * and its proxies then find it as they find an application's woven class. It must run before
 * anything loads the class as compiled, so the tests name the class by its name only.
 */
public final class BuildTimeWoven {

  private BuildTimeWoven() {}

  /** Defines the class named, woven; fails when the weaver left it as compiled. */
  public static synchronized void define(String className) throws ReflectiveOperationException {
    BuildTimeWeaver.Result woven = BuildTimeWeaver.weave(compiled(className));
    if (woven.classFile() == null) {
      throw new IllegalStateException(className + " was not woven: " + woven.notWoven());
    }
    MethodHandles.lookup().defineClass(woven.classFile());
  }

  private static byte[] compiled(String className) {
    String resource = className.replace('.', '/') + ".class";
    try (InputStream in = BuildTimeWoven.class.getClassLoader().getResourceAsStream(resource)) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
