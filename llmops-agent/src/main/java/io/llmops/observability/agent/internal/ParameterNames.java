package io.llmops.observability.agent.internal;

import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.LabelNode;
import org.objectweb.asm.tree.LocalVariableNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.ParameterNode;

/**
 * A method's parameter names from its class file: the {@code MethodParameters} attribute
 * ({@code javac -parameters}), else the local variable table's entries for the parameter slots
 * that start with the method ({@code javac -g}, Maven's default). Internal.
 */
final class ParameterNames {

  private ParameterNames() {}

  /** The names, or null when the class file does not have them all (arguments are positional). */
  static String[] of(MethodNode method, Type[] parameters, boolean isStatic) {
    String[] names = new String[parameters.length];
    if (method.parameters != null && method.parameters.size() == parameters.length) {
      for (int i = 0; i < names.length; i++) {
        ParameterNode parameter = method.parameters.get(i);
        names[i] = parameter.name;
      }
      if (allNamed(names)) {
        return names;
      }
    }
    if (method.localVariables == null) {
      return null;
    }
    LabelNode first = firstLabel(method);
    int slot = isStatic ? 0 : 1;
    for (int i = 0; i < parameters.length; i++) {
      for (LocalVariableNode local : method.localVariables) {
        if (local.index == slot && local.start == first) {
          names[i] = local.name;
        }
      }
      slot += parameters[i].getSize();
    }
    return allNamed(names) ? names : null;
  }

  /** The label at the method's first instruction, where the parameters' entries start. */
  private static LabelNode firstLabel(MethodNode method) {
    for (AbstractInsnNode at = method.instructions.getFirst(); at != null; at = at.getNext()) {
      if (at instanceof LabelNode label) {
        return label;
      }
      if (at.getOpcode() >= 0) {
        return null;
      }
    }
    return null;
  }

  private static boolean allNamed(String[] names) {
    for (String name : names) {
      if (name == null) {
        return false;
      }
    }
    return true;
  }
}
