package io.llmops.observability.agent.internal;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.lang.instrument.Instrumentation;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import net.bytebuddy.dynamic.loading.ClassInjector;
import net.bytebuddy.utility.JavaModule;

/**
 * Puts {@code io.llmops.observability.agent.bootstrap.ContextBridge} on the bootstrap class path,
 * so that code woven into JDK classes can call it, and lets {@code java.base} read it. Must run
 * before anything in this JVM touches that class. Internal.
 */
final class BootstrapInjector {

  static final String BRIDGE = "io.llmops.observability.agent.bootstrap.ContextBridge";
  private static final String[] CLASSES = {
      BRIDGE, BRIDGE + "$Hook", BRIDGE + "$ContextRunnable", BRIDGE + "$Key"};

  private BootstrapInjector() {}

  /** Returns true when the bridge is (now) loaded by the bootstrap class loader. */
  static boolean inject(Instrumentation instrumentation) throws IOException {
    if (!onBootstrap()) {
      Map<String, byte[]> types = new LinkedHashMap<>();
      ClassLoader loader = BootstrapInjector.class.getClassLoader();
      for (String name : CLASSES) {
        try (InputStream in = loader.getResourceAsStream(name.replace('.', '/') + ".class")) {
          if (in == null) {
            throw new IOException("missing " + name + " in the agent");
          }
          types.put(name, in.readAllBytes());
        }
      }
      File folder = Files.createTempDirectory("llmops-agent-bootstrap").toFile();
      folder.deleteOnExit();
      ClassInjector.UsingInstrumentation
          .of(folder, ClassInjector.UsingInstrumentation.Target.BOOTSTRAP, instrumentation)
          .injectRaw(types);
      for (File file : folder.listFiles()) {
        file.deleteOnExit();
      }
    }
    Class<?> bridge;
    try {
      bridge = Class.forName(BRIDGE, false, null);
    } catch (ClassNotFoundException e) {
      return false;
    }
    // java.base (FutureTask, ...) must read the bootstrap loader's unnamed module.
    ClassInjector.UsingInstrumentation.redefineModule(instrumentation,
        JavaModule.ofType(Object.class), Set.of(JavaModule.ofType(bridge)),
        Map.of(), Map.of(), Set.of(), Map.of());
    return true;
  }

  private static boolean onBootstrap() {
    try {
      Class.forName(BRIDGE, false, null);
      return true;
    } catch (ClassNotFoundException e) {
      return false;
    }
  }
}
