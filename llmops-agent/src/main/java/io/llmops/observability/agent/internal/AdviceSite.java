package io.llmops.observability.agent.internal;

import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.FieldInsnNode;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.InsnNode;
import org.objectweb.asm.tree.IntInsnNode;
import org.objectweb.asm.tree.LdcInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.TypeInsnNode;
import org.objectweb.asm.tree.VarInsnNode;

/**
 * The method {@link AdviceInliner} weaves, as the inserted code sees it: what it may load (the
 * arguments, {@code this}, the entry's value, the result, the exception thrown) and where the
 * code goes. Internal.
 */
final class AdviceSite {

  /** Where the inserted code runs, which decides what {@link #loadResult} and others load. */
  enum Moment { ENTRY, RETURN, THROW }

  final String owner;
  final MethodNode method;
  final Type[] parameters;
  final Type returnType;
  final boolean isStatic;
  final boolean isConstructor;
  /** The agent's slots, all at or above the method's own {@code maxLocals}; -1 when unused. */
  final int enterSlot;
  final int thisSlot;
  /** The returned value on a return, the exception on a throw. */
  final int exitSlot;

  InsnList code;
  Moment moment;

  AdviceSite(String owner, MethodNode method, InlineAdvice advice) {
    this.owner = owner;
    this.method = method;
    this.parameters = Type.getArgumentTypes(method.desc);
    this.returnType = Type.getReturnType(method.desc);
    this.isStatic = (method.access & Opcodes.ACC_STATIC) != 0;
    this.isConstructor = method.name.equals("<init>");
    int next = method.maxLocals;
    this.enterSlot = advice.keepsEnterValue() ? next++ : -1;
    this.thisSlot = advice.exitUsesThis() && !isStatic && !isConstructor ? next++ : -1;
    this.exitSlot = next;
  }

  void add(AbstractInsnNode instruction) {
    code.add(instruction);
  }

  void invokeStatic(String owner, String name, String descriptor) {
    code.add(new MethodInsnNode(Opcodes.INVOKESTATIC, owner, name, descriptor, false));
  }

  void loadConstant(Object constant) {
    code.add(new LdcInsnNode(constant));
  }

  void loadInt(int value) {
    code.add(value >= -1 && value <= 5 ? new InsnNode(Opcodes.ICONST_0 + value)
        : value <= Short.MAX_VALUE && value >= Short.MIN_VALUE
            ? new IntInsnNode(Opcodes.SIPUSH, value) : new LdcInsnNode(value));
  }

  void loadNull() {
    code.add(new InsnNode(Opcodes.ACONST_NULL));
  }

  /** {@code this}; in a constructor only at exit, once it is initialised. */
  void loadThis() {
    code.add(new VarInsnNode(Opcodes.ALOAD, moment != Moment.ENTRY && thisSlot >= 0 ? thisSlot : 0));
  }

  /** {@code this}, or null in a static method. */
  void loadThisOrNull() {
    if (isStatic) {
      loadNull();
    } else {
      loadThis();
    }
  }

  /** A field of {@code this}, declared by the woven class or a superclass. */
  void loadField(String name, String descriptor) {
    loadThis();
    code.add(new FieldInsnNode(Opcodes.GETFIELD, owner, name, descriptor));
  }

  /** The argument at {@code index}, as it is (at entry only). */
  void loadArgument(int index) {
    code.add(new VarInsnNode(parameters[index].getOpcode(Opcodes.ILOAD), argumentSlot(index)));
  }

  /** Stores the {@code Object} on the stack as the argument at {@code index}, cast to its type. */
  void storeArgument(int index) {
    code.add(new TypeInsnNode(Opcodes.CHECKCAST, parameters[index].getInternalName()));
    code.add(new VarInsnNode(Opcodes.ASTORE, argumentSlot(index)));
  }

  /** All arguments, boxed, in a new {@code Object[]} (at entry only). */
  void loadArgumentArray() {
    loadInt(parameters.length);
    code.add(new TypeInsnNode(Opcodes.ANEWARRAY, "java/lang/Object"));
    for (int i = 0; i < parameters.length; i++) {
      code.add(new InsnNode(Opcodes.DUP));
      loadInt(i);
      loadArgument(i);
      box(parameters[i]);
      code.add(new InsnNode(Opcodes.AASTORE));
    }
  }

  void loadEnterValue() {
    code.add(new VarInsnNode(Opcodes.ALOAD, enterSlot));
  }

  /** The returned value, boxed; null for a void method and when the method throws. */
  void loadResult() {
    if (moment != Moment.RETURN || returnType.getSort() == Type.VOID) {
      loadNull();
      return;
    }
    code.add(new VarInsnNode(returnType.getOpcode(Opcodes.ILOAD), exitSlot));
    box(returnType);
  }

  /** The exception the method throws; null when it returns. */
  void loadThrown() {
    if (moment == Moment.THROW) {
      code.add(new VarInsnNode(Opcodes.ALOAD, exitSlot));
    } else {
      loadNull();
    }
  }

  private int argumentSlot(int index) {
    int slot = isStatic ? 0 : 1;
    for (int i = 0; i < index; i++) {
      slot += parameters[i].getSize();
    }
    return slot;
  }

  private void box(Type type) {
    if (type.getSort() == Type.OBJECT || type.getSort() == Type.ARRAY) {
      return;
    }
    String boxed = switch (type.getSort()) {
      case Type.BOOLEAN -> "java/lang/Boolean";
      case Type.CHAR -> "java/lang/Character";
      case Type.BYTE -> "java/lang/Byte";
      case Type.SHORT -> "java/lang/Short";
      case Type.INT -> "java/lang/Integer";
      case Type.FLOAT -> "java/lang/Float";
      case Type.LONG -> "java/lang/Long";
      default -> "java/lang/Double";
    };
    invokeStatic(boxed, "valueOf", "(" + type.getDescriptor() + ")L" + boxed + ";");
  }
}
