package io.llmops.observability.agent.internal;

import io.llmops.observability.spi.SdkLog;
import io.llmops.observability.spi.Weaving;
import java.lang.invoke.MethodHandles;
import java.util.HashMap;
import java.util.Map;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.MethodNode;

/**
 * Registers the methods of a class woven at build time ({@link BuildTimeWeaver}) when it runs:
 * its woven code asks for each method's {@link MethodRegistry} id through a dynamic constant
 * bootstrapped here, resolved by the JVM on the method's first call. The class file is read
 * once per class, as the agent reads it when the class loads, so the settings are the agent's.
 * Public because woven classes in other packages link to it: internal.
 */
public final class BuildTimeMethods {

  /** Method name and descriptor to id, per woven class; read on the first call of one. */
  private static final ClassValue<Map<String, Integer>> IDS = new ClassValue<>() {
    @Override
    protected Map<String, Integer> computeValue(Class<?> type) {
      return register(type);
    }
  };

  private BuildTimeMethods() {}

  /**
   * The id of {@code name}{@code descriptor}, a method of the class asking; -1 (the method runs
   * untraced) when it cannot be registered, logged. Never throws: a failed dynamic constant
   * would fail every call of the method.
   */
  public static int id(MethodHandles.Lookup caller, String name, Class<?> type,
      String descriptor) {
    if (!Weaving.isActive()) {
      Weaving.markActive(Weaving.BUILD_TIME);
    }
    Class<?> owner = caller.lookupClass();
    try {
      Integer id = IDS.get(owner).get(name + descriptor);
      return id == null ? -1 : id;
    } catch (RuntimeException | LinkageError e) {
      SdkLog.errorOnce("build-time-" + owner.getName(), "llmops: the methods of "
          + owner.getName() + " woven at build time could not be registered; they run untraced",
          e);
      return -1;
    }
  }

  private static Map<String, Integer> register(Class<?> type) {
    byte[] classFile = ClassFiles.of(type);
    if (classFile == null) {
      throw new IllegalStateException("its class loader does not serve its class file");
    }
    ClassNode node = new ClassNode();
    // The code is read for its local variable table, where the parameter names may be.
    new ClassReader(classFile).accept(node, ClassReader.SKIP_FRAMES);
    Map<String, Integer> ids = new HashMap<>();
    for (MethodNode method : node.methods) {
      if ((method.access & (Opcodes.ACC_ABSTRACT | Opcodes.ACC_NATIVE)) == 0
          && AnnotationWeaving.woven(method)) {
        ids.put(method.name + method.desc,
            MethodRegistry.register(TrackedMethodReader.read(node.name, method)));
      }
    }
    return Map.copyOf(ids);
  }
}
