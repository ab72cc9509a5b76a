package io.llmops.observability.agent.internal;

import io.llmops.observability.agent.bootstrap.ContextBridge;
import io.llmops.observability.agent.bootstrap.HttpBridge;
import io.llmops.observability.agent.bootstrap.PackageLookup;
import java.io.IOException;
import java.io.InputStream;
import java.lang.instrument.Instrumentation;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.commons.ClassRemapper;
import org.objectweb.asm.commons.Remapper;

/**
 * Makes {@link ContextBridge} and {@link HttpBridge} callable from code woven into JDK classes:
 * defines a renamed copy of each, {@code jdk.internal.misc.LlmopsContextBridge} and
 * {@code jdk.internal.misc.LlmopsHttpBridge}, in {@code java.base} (bootstrap class loader,
 * a package that {@code java.base} does not export, so applications cannot reach it). Nothing is
 * appended to the bootstrap class path: that would make HotSpot print a class-data-sharing
 * warning and turn sharing off for every non-JDK class. The code woven into JDK classes calls the
 * copies by these names ({@link #renamedInternalName}). Internal.
 */
final class BootstrapInjector {

  private static final String JDK_PACKAGE = "jdk.internal.misc";
  /** Each bridge's internal name, and the name of its copy in {@link #JDK_PACKAGE}. */
  private static final Map<String, String> BRIDGES = Map.of(
      internalName(ContextBridge.class), renamedInternalName(ContextBridge.class),
      internalName(HttpBridge.class), renamedInternalName(HttpBridge.class));

  /** {@code io/.../ContextBridge*} to {@code jdk/internal/misc/LlmopsContextBridge*}, and so on. */
  private static final Remapper RENAMING = new Remapper() {
    @Override
    public String map(String internalName) {
      int nested = internalName.indexOf('$');
      String host = nested < 0 ? internalName : internalName.substring(0, nested);
      String renamed = BRIDGES.get(host);
      return renamed == null ? internalName : renamed + internalName.substring(host.length());
    }
  };

  /** The lookup into {@link #JDK_PACKAGE}, made once: opening java.base costs tens of ms. */
  private static MethodHandles.@Nullable Lookup packageLookup;

  private BootstrapInjector() {}

  /**
   * Defines the context bridge in {@code java.base} unless an earlier start did, and registers
   * the core's context with it. Throws when this JVM does not let it.
   */
  static void inject(Instrumentation instrumentation, Supplier<Object> capture,
      Function<Object, Object> attach, Consumer<Object> detach) throws Exception {
    register(instrumentation, ContextBridge.class, "setHook",
        new Class<?>[] {Supplier.class, Function.class, Consumer.class}, capture, attach, detach);
  }

  /**
   * Defines {@code bridge} (a class of the agent's bootstrap package) in {@code java.base} unless
   * an earlier start did, then calls its static {@code method} with {@code arguments} (of JDK
   * types). Throws when this JVM does not let it.
   */
  static void register(Instrumentation instrumentation, Class<?> bridge,
      String method, Class<?>[] parameterTypes, Object... arguments) throws Exception {
    call(instrumentation, bridge, MethodType.methodType(void.class, parameterTypes), method,
        arguments);
  }

  /**
   * As {@link #register}, for a static {@code method} of {@code type} whose result is returned.
   */
  static synchronized Object call(Instrumentation instrumentation, Class<?> bridge,
      MethodType type, String method, Object... arguments) throws Exception {
    MethodHandles.Lookup lookup = packageLookup(instrumentation);
    String renamed = BRIDGES.get(internalName(bridge)).replace('/', '.');
    Class<?> defined = defined(renamed);
    if (defined == null) {
      for (Class<?> nested : bridge.getDeclaredClasses()) { // first: the host links them
        lookup.defineClass(renamed(internalName(nested)));
      }
      lookup.defineClass(renamed(internalName(bridge)));
      defined = defined(renamed);
    }
    MethodHandle registration = lookup.findStatic(defined, method, type);
    try {
      return registration.invokeWithArguments(arguments);
    } catch (Exception | Error e) {
      throw e;
    } catch (Throwable e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * A lookup with package access to {@link #JDK_PACKAGE}: {@link PackageLookup}, loaded by a class
   * loader of its own, is the only class that package is opened to.
   */
  private static MethodHandles.Lookup packageLookup(Instrumentation instrumentation)
      throws Exception {
    if (packageLookup == null) {
      packageLookup = openPackage(instrumentation);
    }
    return packageLookup;
  }

  private static MethodHandles.Lookup openPackage(Instrumentation instrumentation)
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

  private static Class<?> defined(String name) {
    try {
      return Class.forName(name, false, null);
    } catch (ClassNotFoundException e) {
      return null;
    }
  }

  private static String internalName(Class<?> type) {
    return type.getName().replace('.', '/');
  }

  /** The internal name of {@code bridge}'s copy in {@code java.base}. */
  static String renamedInternalName(Class<?> bridge) {
    return JDK_PACKAGE.replace('.', '/') + "/Llmops" + bridge.getSimpleName();
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
