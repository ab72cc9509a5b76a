package io.llmops.observability.agent.internal;

import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.MethodNode;

/**
 * Rewrites a class file with the advice an {@link ClassWeaving.Advisor} gives its methods, read
 * and written method by method: a method whose header rules advice out goes from the reader to
 * the writer as it is, its bytes copied without being parsed (most of a JDK class the context
 * weaving changes in two or three methods), and the constant pool is copied whole. Frames are
 * kept as inserted: computing them would load classes (never done here). Internal.
 */
final class AdvisedClass extends ClassVisitor {

  private final ClassWeaving.Advisor advisor;
  private String owner;
  private boolean changed;

  private AdvisedClass(ClassWriter writer, ClassWeaving.Advisor advisor) {
    super(Opcodes.ASM9, writer);
    this.advisor = advisor;
  }

  /** The class {@code reader} reads with {@code advisor}'s advice, or null when none applied. */
  static byte[] rewrite(ClassReader reader, ClassWeaving.Advisor advisor) {
    ClassWriter writer = new ClassWriter(reader, ClassWriter.COMPUTE_MAXS);
    AdvisedClass advised = new AdvisedClass(writer, advisor);
    reader.accept(advised, ClassReader.EXPAND_FRAMES);
    return advised.changed ? writer.toByteArray() : null;
  }

  @Override
  public void visit(int version, int access, String name, String signature, String superName,
      String[] interfaces) {
    owner = name;
    super.visit(version, access, name, signature, superName, interfaces);
  }

  @Override
  public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
      String[] exceptions) {
    MethodVisitor written = super.visitMethod(access, name, descriptor, signature, exceptions);
    if ((access & (Opcodes.ACC_ABSTRACT | Opcodes.ACC_NATIVE)) != 0) {
      return written;
    }
    Method method = new Method(access, name, descriptor, signature, exceptions, written);
    if (advisor.byHeader()) {
      method.advice = advisor.adviceFor(owner, method);
      if (method.advice == null) {
        return written; // copied as it is
      }
    }
    return method;
  }

  /** A method read whole, then written with its advice inlined. */
  private final class Method extends MethodNode {

    private final MethodVisitor written;
    private InlineAdvice advice;

    Method(int access, String name, String descriptor, String signature, String[] exceptions,
        MethodVisitor written) {
      super(Opcodes.ASM9, access, name, descriptor, signature, exceptions);
      this.written = written;
    }

    @Override
    public void visitEnd() {
      if (!advisor.byHeader()) {
        advice = advisor.adviceFor(owner, this);
      }
      if (advice != null) {
        AdviceInliner.inline(owner, this, advice);
        changed = true;
      }
      accept(written);
    }
  }
}
