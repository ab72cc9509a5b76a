package io.llmops.observability.agent.internal;

import java.util.List;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.analysis.Analyzer;
import org.objectweb.asm.tree.analysis.AnalyzerException;
import org.objectweb.asm.tree.analysis.BasicInterpreter;
import org.objectweb.asm.tree.analysis.BasicValue;
import org.objectweb.asm.tree.analysis.Frame;
import org.objectweb.asm.tree.analysis.Interpreter;

/**
 * What every path into an instruction has left in each local variable slot, by ASM's flow
 * analysis: an int, a float, a long, a double, an initialised reference, or nothing usable
 * (paths disagree, or an object whose constructor has not run yet). Internal.
 */
final class LocalValues {

  private static final BasicInterpreter TYPES = new BasicInterpreter();

  private LocalValues() {}

  /** The values before each instruction; null for unreachable ones. */
  static Frame<BasicValue>[] analyze(String owner, MethodNode method) throws AnalyzerException {
    return new Analyzer<BasicValue>(new TrackingInitialization()) {
      @Override
      protected Frame<BasicValue> newFrame(int locals, int stack) {
        return new InitializingFrame(locals, stack);
      }

      @Override
      protected Frame<BasicValue> newFrame(Frame<? extends BasicValue> frame) {
        return new InitializingFrame(frame);
      }
    }.analyze(owner, method);
  }

  /** Whether {@code frame} has, in slot {@code index}, a value that may be read as {@code type}. */
  static boolean holds(Frame<BasicValue> frame, int index, Type type) {
    if (index < 0 || index >= frame.getLocals()) {
      return false;
    }
    // int for boolean, byte, char and short too; any class or array type is a reference
    BasicValue expected = TYPES.newValue(type);
    return expected != null && expected.equals(frame.getLocal(index));
  }

  /** The object a {@code new} instruction created, until its constructor runs. */
  private static final class Uninitialized extends BasicValue {
    private final AbstractInsnNode creation;

    Uninitialized(AbstractInsnNode creation) {
      // a type of its own, so that it never equals (merges with, is read as) a reference
      super(Type.getObjectType("uninitialized"));
      this.creation = creation;
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof Uninitialized that && that.creation == creation;
    }

    @Override
    public int hashCode() {
      return System.identityHashCode(creation);
    }
  }

  private static final class TrackingInitialization extends BasicInterpreter {
    TrackingInitialization() {
      super(Opcodes.ASM9);
    }

    @Override
    public BasicValue newOperation(AbstractInsnNode instruction) throws AnalyzerException {
      return instruction.getOpcode() == Opcodes.NEW
          ? new Uninitialized(instruction) : super.newOperation(instruction);
    }
  }

  /** After a constructor call, every copy of the object it initialised becomes a reference. */
  private static final class InitializingFrame extends Frame<BasicValue> {
    InitializingFrame(int locals, int stack) {
      super(locals, stack);
    }

    InitializingFrame(Frame<? extends BasicValue> frame) {
      super(frame);
    }

    @Override
    public void execute(AbstractInsnNode instruction, Interpreter<BasicValue> interpreter)
        throws AnalyzerException {
      BasicValue receiver = null;
      if (instruction.getOpcode() == Opcodes.INVOKESPECIAL
          && ((MethodInsnNode) instruction).name.equals("<init>")) {
        int arguments = Type.getArgumentTypes(((MethodInsnNode) instruction).desc).length;
        receiver = getStack(getStackSize() - 1 - arguments);
      }
      super.execute(instruction, interpreter);
      if (receiver instanceof Uninitialized) {
        replace(receiver);
      }
    }

    private void replace(BasicValue uninitialized) {
      for (int i = 0; i < getLocals(); i++) {
        if (uninitialized.equals(getLocal(i))) {
          setLocal(i, BasicValue.REFERENCE_VALUE);
        }
      }
      for (int i = 0; i < getStackSize(); i++) {
        if (uninitialized.equals(getStack(i))) {
          setStack(i, BasicValue.REFERENCE_VALUE);
        }
      }
    }
  }
}
