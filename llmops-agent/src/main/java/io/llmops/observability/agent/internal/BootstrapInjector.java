package io.llmops.observability.agent.internal;

import io.llmops.observability.agent.bootstrap.ContextBridge;
import io.llmops.observability.agent.bootstrap.PackageLookup;
import java.io.IOException;
import java.io.InputStream;
import java.lang.instrument.Instrumentation;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import net.bytebuddy.dynamic.ClassFileLocator;
// ByteBuddy's own copy of ASM carries the remapper (ASM's commons module is not a dependency).
import net.bytebuddy.jar.asm.ClassReader;
import net.bytebuddy.jar.asm.ClassWriter;
import net.bytebuddy.jar.asm.commons.ClassRemapper;
import net.bytebuddy.jar.asm.commons.Remapper;

/**
 * Makes {@link ContextBridge} callable from code woven into JDK classes: defines a renamed copy of
 * it, {@code jdk.internal.misc.LlmopsContextBridge}, in {@code java.base} (bootstrap class loader,
 * a package that {@code java.base} does not export, so applications cannot reach it). Nothing is
 * appended to the bootstrap class path: that would make HotSpot print a class-data-sharing
 * warning and turn sharing off for every non-JDK class. {@link #adviceLocator} hands ByteBuddy the
 * advice classes with their calls renamed the same way. Internal.
 */
final class BootstrapInjector {

  private static final String JDK_PACKAGE = "jdk.internal.misc";
  private static final String ORIGINAL = ContextBridge.class.getName().replace('.', '/');
  private static final String RENAMED = JDK_PACKAGE.replace('.', '/') + "/LlmopsContextBridge";
  private static final String[] NESTED = {"", "$Hook", "$ContextRunnable", "$Key"};

  /** {@code io/.../ContextBridge*} to {@code jdk/internal/misc/LlmopsContextBridge*}. */
  private static final Remapper RENAMING = new Remapper() {
    @Override
    public String map(String internalName) {
      return internalName.startsWith(ORIGINAL)
          ? RENAMED + internalName.substring(ORIGINAL.length()) : internalName;
    }
  };

  private BootstrapInjector() {}

  /**
   * Defines the bridge in {@code java.base} unless an earlier start did, and registers the
   * core's context with it. Throws when this JVM does not let it.
   */
  static void inject(Instrumentation instrumentation, Supplier<Object> capture,
      Function<Object, Object> attach, Consumer<Object> detach) throws Exception {
    MethodHandles.Lookup lookup = packageLookup(instrumentation);
    Class<?> bridge = definedBridge();
    if (bridge == null) {
      for (int i = NESTED.length - 1; i >= 0; i--) {  // nested classes first: the host links them
        lookup.defineClass(renamed(ORIGINAL + NESTED[i]));
      }
      bridge = definedBridge();
    }
    MethodHandle setHook = lookup.findStatic(bridge, "setHook", MethodType.methodType(
        void.class, Supplier.class, Function.class, Consumer.class));
    try {
      setHook.invoke(capture, attach, detach);
    } catch (Exception | Error e) {
      throw e;
    } catch (Throwable e) {
      throw new IllegalStateException(e);
    }
  }

  /** Where ByteBuddy reads {@code adviceTypes}: their calls go to the renamed bridge. */
  static ClassFileLocator adviceLocator(Class<?>... adviceTypes) throws IOException {
    Map<String, byte[]> classFiles = new HashMap<>();
    for (Class<?> type : adviceTypes) {
      classFiles.put(type.getName(), renamed(type.getName().replace('.', '/')));
    }
    return new ClassFileLocator.Simple(classFiles);
  }

  /**
   * A lookup with package access to {@link #JDK_PACKAGE}: {@link PackageLookup}, loaded by a class
   * loader of its own, is the only class that package is opened to.
   */
  private static MethodHandles.Lookup packageLookup(Instrumentation instrumentation)
      throws Exception {
    OwnLoader loader = new OwnLoader();
    Class<?> opener = loader.define(PackageLookup.class.getName(),
        read(PackageLookup.class.getName().replace('.', '/')));
    instrumentation.redefineModule(Object.class.getModule(), Set.of(), Map.of(),
        Map.of(JDK_PACKAGE, Set.of(loader.getUnnamedModule())), Set.of(), Map.of());
    @SuppressWarnings("unchecked")
    Function<Class<?>, MethodHandles.Lookup> lookups =
        (Function<Class<?>, MethodHandles.Lookup>) opener.getConstructor().newInstance();
    return lookups.apply(Class.forName(JDK_PACKAGE + ".VM", false, null));
  }

  private static Class<?> definedBridge() {
    try {
      return Class.forName(RENAMED.replace('/', '.'), false, null);
    } catch (ClassNotFoundException e) {
      return null;
    }
  }

  private static byte[] renamed(String internalName) throws IOException {
    return rename(read(internalName));
  }

  private static byte[] rename(byte[] classFile) {
    ClassWriter writer = new ClassWriter(0);
    new ClassReader(classFile).accept(new ClassRemapper(writer, RENAMING), 0);
    return writer.toByteArray();
  }

  private static byte[] read(String internalName) throws IOException {
    try (InputStream in = BootstrapInjector.class.getClassLoader()
        .getResourceAsStream(internalName + ".class")) {
      if (in == null) {
        throw new IOException("missing " + internalName + " in the agent");
      }
      return in.readAllBytes();
    }
  }

  /** Holds {@link PackageLookup} alone; its parent is the bootstrap class loader. */
  private static final class OwnLoader extends ClassLoader {
    OwnLoader() {
      super("llmops-agent-package-lookup", null);
    }

    Class<?> define(String name, byte[] classFile) {
      return defineClass(name, classFile, 0, classFile.length);
    }
  }
}
