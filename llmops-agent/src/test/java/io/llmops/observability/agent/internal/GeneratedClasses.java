package io.llmops.observability.agent.internal;

import org.objectweb.asm.AnnotationVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/** Class files javac does not write, built with ASM for the locals pass tests. */
final class GeneratedClasses {

  private GeneratedClasses() {}

  /**
   * {@code generated.FrameDrops} with {@code static int pick(boolean flag)}: both branches store
   * an int in slot 1, but the stack map frame where they meet leaves slot 1 out, and the local
   * variable table still names it {@code x} there. The JVM forbids reading slot 1 at the return.
   */
  static byte[] frameDrops() {
    ClassWriter writer = publicClass("generated/FrameDrops");
    MethodVisitor pick = trackedMethod(writer, "pick", "(Z)I");
    Label start = new Label();
    Label otherBranch = new Label();
    Label join = new Label();
    Label end = new Label();
    pick.visitLabel(start);
    pick.visitVarInsn(Opcodes.ILOAD, 0);
    pick.visitJumpInsn(Opcodes.IFEQ, otherBranch);
    pick.visitInsn(Opcodes.ICONST_1);
    pick.visitVarInsn(Opcodes.ISTORE, 1);
    pick.visitJumpInsn(Opcodes.GOTO, join);
    pick.visitLabel(otherBranch);
    pick.visitFrame(Opcodes.F_SAME, 0, null, 0, null);
    pick.visitInsn(Opcodes.ICONST_2);
    pick.visitVarInsn(Opcodes.ISTORE, 1);
    pick.visitLabel(join);
    pick.visitFrame(Opcodes.F_SAME, 0, null, 0, null);
    pick.visitVarInsn(Opcodes.ILOAD, 0);
    pick.visitInsn(Opcodes.IRETURN);
    pick.visitLabel(end);
    pick.visitLocalVariable("flag", "Z", null, start, end, 0);
    pick.visitLocalVariable("x", "I", null, join, end, 1);
    pick.visitMaxs(1, 2);
    pick.visitEnd();
    writer.visitEnd();
    return writer.toByteArray();
  }

  /**
   * {@code generated.Unreadable}: {@code broken()} reads a local beyond its frame, which ASM's
   * analysis rejects; {@code fine(int value)} is ordinary. Never loaded, only rewritten.
   */
  static byte[] unreadable() {
    ClassWriter writer = publicClass("generated/Unreadable");
    MethodVisitor broken = trackedMethod(writer, "broken", "()I");
    Label start = new Label();
    Label end = new Label();
    broken.visitLabel(start);
    broken.visitVarInsn(Opcodes.ILOAD, 5);
    broken.visitInsn(Opcodes.IRETURN);
    broken.visitLabel(end);
    broken.visitLocalVariable("ghost", "I", null, start, end, 5);
    broken.visitMaxs(1, 1);
    broken.visitEnd();
    echoMethod(writer, "fine");
    writer.visitEnd();
    return writer.toByteArray();
  }

  /** {@code generated.Echo} with {@code static int echo(int value)}, which returns its argument. */
  static byte[] echo() {
    ClassWriter writer = publicClass("generated/Echo");
    echoMethod(writer, "echo");
    writer.visitEnd();
    return writer.toByteArray();
  }

  private static void echoMethod(ClassWriter writer, String name) {
    MethodVisitor method = trackedMethod(writer, name, "(I)I");
    Label start = new Label();
    Label end = new Label();
    method.visitLabel(start);
    method.visitVarInsn(Opcodes.ILOAD, 0);
    method.visitInsn(Opcodes.IRETURN);
    method.visitLabel(end);
    method.visitLocalVariable("value", "I", null, start, end, 0);
    method.visitMaxs(1, 1);
    method.visitEnd();
  }

  private static ClassWriter publicClass(String internalName) {
    ClassWriter writer = new ClassWriter(0);
    writer.visit(Opcodes.V17, Opcodes.ACC_PUBLIC, internalName, null, "java/lang/Object", null);
    return writer;
  }

  /** A public static method with {@code @TrackFunction(captureLocals = "*")}, code not begun. */
  private static MethodVisitor trackedMethod(ClassWriter writer, String name, String descriptor) {
    MethodVisitor method = writer.visitMethod(Opcodes.ACC_PUBLIC | Opcodes.ACC_STATIC, name,
        descriptor, null, null);
    AnnotationVisitor annotation = method.visitAnnotation("Lio/llmops/observability/TrackFunction;", true);
    AnnotationVisitor locals = annotation.visitArray("captureLocals");
    locals.visit(null, "*");
    locals.visitEnd();
    annotation.visitEnd();
    method.visitCode();
    return method;
  }

  /** Defines classes from bytes, after the agent is installed, so that they are woven and verified. */
  static final class Loader extends ClassLoader {

    Loader(ClassLoader parent) {
      super(parent);
    }

    Class<?> define(String name, byte[] classFile) {
      return defineClass(name, classFile, 0, classFile.length);
    }
  }
}
