package io.llmops.observability.agent.internal;

import io.llmops.observability.CaptureLocals;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.LocalVariableNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.analysis.AnalyzerException;
import org.objectweb.asm.tree.analysis.BasicValue;
import org.objectweb.asm.tree.analysis.Frame;

/**
 * Which locals each return and throw of a method may read. A local of the local variable table
 * is read at an exit when its range covers the exit and both the verifier's view of the slot
 * (the stack map frames, {@link VerifierLocals}) and every path into the exit ({@link
 * LocalValues}) hold a value of its declared type there. Anything else is left out: reading it
 * could make the class fail verification. Computed before the method is changed. Internal.
 */
final class CapturePlan {

  private CapturePlan() {}

  /**
   * The exits to instrument, each with the locals to record there in slot order.
   *
   * @throws AnalyzerException when the flow analysis cannot follow the method
   * @throws IllegalStateException when the method's frames or subroutines are not understood
   */
  static Map<AbstractInsnNode, List<LocalVariableNode>> of(String owner, MethodNode method,
      List<String> wanted) throws AnalyzerException {
    InsnList code = method.instructions;
    Set<AbstractInsnNode> exits = new LinkedHashSet<>(); // instructions compare by identity
    for (AbstractInsnNode instruction : code) {
      int opcode = instruction.getOpcode();
      if (opcode == Opcodes.JSR || opcode == Opcodes.RET) {
        throw new IllegalStateException("the method uses subroutines (jsr/ret)");
      }
      if ((opcode >= Opcodes.IRETURN && opcode <= Opcodes.RETURN) || opcode == Opcodes.ATHROW) {
        exits.add(instruction);
      }
    }
    Frame<BasicValue>[] values = LocalValues.analyze(owner, method);
    Map<AbstractInsnNode, Object[]> verified = VerifierLocals.at(owner, method, exits);
    List<LocalVariableNode> candidates = candidates(method.localVariables, wanted);
    Map<AbstractInsnNode, List<LocalVariableNode>> plan = new LinkedHashMap<>();
    for (AbstractInsnNode exit : exits) {
      int position = code.indexOf(exit);
      Frame<BasicValue> reaching = values[position];
      if (reaching == null) {
        continue; // unreachable
      }
      List<LocalVariableNode> readable = new ArrayList<>();
      Set<String> names = new HashSet<>();
      for (LocalVariableNode local : candidates) {
        Type type = Type.getType(local.desc);
        Object[] slots = verified.get(exit);
        if (code.indexOf(local.start) <= position && position < code.indexOf(local.end)
            && !names.contains(local.name)
            && LocalValues.holds(reaching, local.index, type)
            && (slots == null || VerifierLocals.holds(slots, local.index, type))) {
          readable.add(local);
          names.add(local.name);
        }
      }
      if (!readable.isEmpty()) {
        plan.put(exit, readable);
      }
    }
    return plan;
  }

  /** The wanted entries of the local variable table, {@code this} excepted, in slot order. */
  private static List<LocalVariableNode> candidates(List<LocalVariableNode> table, List<String> wanted) {
    boolean all = wanted.contains(CaptureLocals.ALL);
    List<LocalVariableNode> candidates = new ArrayList<>();
    for (LocalVariableNode local : table) {
      if (!local.name.equals("this") && (all || wanted.contains(local.name))) {
        candidates.add(local);
      }
    }
    candidates.sort(Comparator.comparingInt(local -> local.index));
    return candidates;
  }
}
