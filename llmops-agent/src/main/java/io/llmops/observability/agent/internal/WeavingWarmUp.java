package io.llmops.observability.agent.internal;

import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Label;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.InsnNode;
import org.objectweb.asm.tree.MethodNode;

/**
 * Weaves a small class made here, and throws it away, before the agent's transformer is
 * registered: the classes the weaving needs (ASM's, the agent's) are then loaded already when it
 * first runs, inside the loading of another class, where loading one of them would run the
 * transformer again. Internal.
 */
final class WeavingWarmUp {

  private WeavingWarmUp() {}

  static void run(Iterable<ClassWeaving> weavings) {
    for (ClassWeaving weaving : weavings) {
      weaving.wants("io/llmops/observability/agent/internal/WarmUp", new byte[0]);
    }
    ClassNode type = new ClassNode();
    type.visit(Opcodes.V17, Opcodes.ACC_FINAL, "io/llmops/observability/agent/internal/WarmUp",
        null, "java/lang/Object", null);
    type.methods.add(branching("advised"));
    type.methods.add(branching("copied"));
    ClassWriter writer = new ClassWriter(0);
    type.accept(writer);
    InlineAdvice around = InlineAdvice.around(site -> {
      site.loadArgumentArray();
    }, site -> {
      site.loadEnterValue();
      site.loadResult();
      site.loadThrown();
      site.add(new InsnNode(Opcodes.POP2));
      site.add(new InsnNode(Opcodes.POP));
    });
    byte[] woven = AdvisedClass.rewrite(new ClassReader(writer.toByteArray()),
        (owner, method) -> method.name.equals("advised") ? around : null);
    new ClassReader(woven).accept(new ClassNode(), ClassReader.EXPAND_FRAMES);
  }

  /** {@code static int name(int x) { return x == 0 ? 0 : 1; }}, with its frame. */
  private static MethodNode branching(String name) {
    MethodNode method = new MethodNode(Opcodes.ACC_STATIC, name, "(I)I", null, null);
    Label zero = new Label();
    method.visitCode();
    method.visitVarInsn(Opcodes.ILOAD, 0);
    method.visitJumpInsn(Opcodes.IFEQ, zero);
    method.visitInsn(Opcodes.ICONST_1);
    method.visitInsn(Opcodes.IRETURN);
    method.visitLabel(zero);
    method.visitFrame(Opcodes.F_NEW, 1, new Object[] {Opcodes.INTEGER}, 0, new Object[0]);
    method.visitInsn(Opcodes.ICONST_0);
    method.visitInsn(Opcodes.IRETURN);
    method.visitMaxs(1, 1);
    method.visitEnd();
    return method;
  }
}
