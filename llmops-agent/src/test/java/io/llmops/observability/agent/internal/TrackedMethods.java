package io.llmops.observability.agent.internal;

import org.objectweb.asm.ClassReader;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.MethodNode;

/** Reads a method's settings from its class file, as the weaving does. */
final class TrackedMethods {

  private TrackedMethods() {}

  static TrackedMethod read(Class<?> owner, String name) throws NoSuchMethodException {
    ClassNode type = new ClassNode();
    new ClassReader(ClassFiles.of(owner)).accept(type, ClassReader.EXPAND_FRAMES);
    for (MethodNode method : type.methods) {
      if (method.name.equals(name)) {
        return TrackedMethodReader.read(type.name, method);
      }
    }
    throw new NoSuchMethodException(name);
  }
}
