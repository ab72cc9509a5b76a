package io.llmops.observability.agent.internal;

import io.llmops.observability.agent.bootstrap.ContextBridge;
import io.llmops.observability.agent.bootstrap.HttpBridge;
import io.llmops.observability.agent.bootstrap.PackageLookup;
import java.io.IOException;
import java.io.InputStream;
import java.lang.instrument.Instrumentation;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

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

  /** The lookup into {@link #JDK_PACKAGE} and the caller of its methods, made once. */
  private static @Nullable PackageAccess packageAccess;

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
    PackageAccess access = packageAccess(instrumentation);
    String renamed = BRIDGES.get(internalName(bridge)).replace('/', '.');
    Class<?> defined = defined(renamed);
    if (defined == null) {
      for (Class<?> nested : bridge.getDeclaredClasses()) { // first: the host links them
        access.lookup.defineClass(renamed(internalName(nested)));
      }
      access.lookup.defineClass(renamed(internalName(bridge)));
      defined = defined(renamed);
    }
    try {
      return access.caller.invoke(null, defined.getMethod(method, type.parameterArray()),
          arguments);
    } catch (InvocationTargetException e) { // PackageLookup.call's, around the method's own
      Throwable thrown = e.getCause() instanceof InvocationTargetException inner
          ? inner.getCause() : e.getCause();
      if (thrown instanceof Exception exception) {
        throw exception;
      }
      if (thrown instanceof Error error) {
        throw error;
      }
      throw new IllegalStateException(thrown);
    }
  }

  /**
   * Package access to {@link #JDK_PACKAGE}: {@link PackageLookup}, loaded by a class loader of its
   * own, is the only class that package is opened to.
   */
  private static PackageAccess packageAccess(Instrumentation instrumentation) throws Exception {
    if (packageAccess == null) {
      packageAccess = openPackage(instrumentation);
    }
    return packageAccess;
  }

  private static PackageAccess openPackage(Instrumentation instrumentation) throws Exception {
    OwnLoader loader = new OwnLoader();
    Class<?> opener = loader.define(PackageLookup.class.getName(),
        read(PackageLookup.class.getName().replace('.', '/')));
    instrumentation.redefineModule(Object.class.getModule(), Set.of(), Map.of(),
        Map.of(JDK_PACKAGE, Set.of(loader.getUnnamedModule())), Set.of(), Map.of());
    @SuppressWarnings("unchecked")
    Function<Class<?>, MethodHandles.Lookup> lookups =
        (Function<Class<?>, MethodHandles.Lookup>) opener.getConstructor().newInstance();
    return new PackageAccess(lookups.apply(Class.forName(JDK_PACKAGE + ".VM", false, null)),
        opener.getMethod("call", Method.class, Object[].class));
  }

  /**
   * What {@link PackageLookup} gives: a lookup into the package, and its {@code call}, which
   * calls a method of the package with reflection (a method handle's first call would cost the
   * start-up tens of milliseconds of code generation).
   */
  private record PackageAccess(MethodHandles.Lookup lookup, Method caller) {}

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
    return ConstantPoolRenaming.rename(read(internalName), BRIDGES);
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
