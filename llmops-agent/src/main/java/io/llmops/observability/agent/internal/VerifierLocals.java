package io.llmops.observability.agent.internal;

import java.util.Arrays;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.FrameNode;
import org.objectweb.asm.tree.JumpInsnNode;
import org.objectweb.asm.tree.LabelNode;
import org.objectweb.asm.tree.LookupSwitchInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.TableSwitchInsnNode;
import org.objectweb.asm.tree.TryCatchBlockNode;
import org.objectweb.asm.tree.VarInsnNode;

/**
 * The types the JVM's verifier gives the local variable slots at chosen instructions: those of
 * the last stack map frame before the instruction, changed by the stores in between (every jump
 * target has a frame, so nothing else reaches it). A load the verifier sees as reading a slot of
 * another type, or an empty one, fails verification, even where every path stored the right
 * type: javac's frames leave out the locals whose scope ended. Needs the frames expanded
 * ({@code ClassReader.EXPAND_FRAMES}). Internal.
 */
final class VerifierLocals {

  /** Any initialised reference, as stored by {@code astore}. */
  private static final Object REFERENCE = "java/lang/Object";

  private VerifierLocals() {}

  /**
   * The slot types at each of {@code wanted}, or null for an instruction reached from a jump
   * target that has no frame (class files before Java 6, verified by type inference instead).
   */
  static Map<AbstractInsnNode, Object[]> at(String owner, MethodNode method,
      Set<AbstractInsnNode> wanted) {
    Set<LabelNode> targets = jumpTargets(method);
    Map<AbstractInsnNode, Object[]> found = new IdentityHashMap<>();
    Object[] slots = entry(owner, method);
    for (AbstractInsnNode instruction : method.instructions) {
      if (instruction instanceof FrameNode frame) {
        slots = declared(frame, method.maxLocals);
      } else if (instruction instanceof LabelNode label && targets.contains(label)) {
        slots = null;
      } else if (slots != null && instruction instanceof VarInsnNode store) {
        store(slots, store);
      }
      if (wanted.contains(instruction)) {
        found.put(instruction, slots == null ? null : slots.clone());
      }
    }
    return found;
  }

  /** Whether a slot of these types holds a value the verifier lets be read as {@code type}. */
  static boolean holds(Object[] slots, int index, Type type) {
    if (index < 0 || index >= slots.length) {
      return false;
    }
    Object slot = slots[index];
    Object expected = verifierType(type);
    if (expected instanceof String) {
      // a class name or null; not an uninitialised object (a label or UNINITIALIZED_THIS)
      return slot instanceof String || Opcodes.NULL.equals(slot);
    }
    return expected.equals(slot);
  }

  private static Set<LabelNode> jumpTargets(MethodNode method) {
    Set<LabelNode> targets = new HashSet<>();
    for (AbstractInsnNode instruction : method.instructions) {
      if (instruction instanceof JumpInsnNode jump) {
        targets.add(jump.label);
      } else if (instruction instanceof TableSwitchInsnNode table) {
        targets.add(table.dflt);
        targets.addAll(table.labels);
      } else if (instruction instanceof LookupSwitchInsnNode lookup) {
        targets.add(lookup.dflt);
        targets.addAll(lookup.labels);
      }
    }
    for (TryCatchBlockNode handler : method.tryCatchBlocks) {
      targets.add(handler.handler);
    }
    return targets;
  }

  /** The slots at method entry: the receiver, then the parameters. */
  private static Object[] entry(String owner, MethodNode method) {
    Object[] slots = empty(method.maxLocals);
    int slot = 0;
    if ((method.access & Opcodes.ACC_STATIC) == 0) {
      slots[slot++] = "<init>".equals(method.name) ? Opcodes.UNINITIALIZED_THIS : owner;
    }
    for (Type parameter : Type.getArgumentTypes(method.desc)) {
      slot = put(slots, slot, verifierType(parameter));
    }
    return slots;
  }

  private static Object[] declared(FrameNode frame, int maxLocals) {
    if (frame.type != Opcodes.F_NEW) {
      throw new IllegalStateException("stack map frames are not expanded");
    }
    Object[] slots = empty(maxLocals);
    int slot = 0;
    for (Object type : frame.local) {
      slot = put(slots, slot, type);
    }
    return slots;
  }

  /** Puts a type at {@code slot}; a long or double also takes the next slot. Returns the next. */
  private static int put(Object[] slots, int slot, Object type) {
    slots[slot] = type;
    if (Opcodes.LONG.equals(type) || Opcodes.DOUBLE.equals(type)) {
      slots[slot + 1] = Opcodes.TOP;
      return slot + 2;
    }
    return slot + 1;
  }

  private static void store(Object[] slots, VarInsnNode store) {
    Object type;
    switch (store.getOpcode()) {
      case Opcodes.ISTORE: type = Opcodes.INTEGER; break;
      case Opcodes.FSTORE: type = Opcodes.FLOAT; break;
      case Opcodes.LSTORE: type = Opcodes.LONG; break;
      case Opcodes.DSTORE: type = Opcodes.DOUBLE; break;
      case Opcodes.ASTORE: type = REFERENCE; break;
      default: return; // a load
    }
    int slot = store.var;
    if (slot > 0 && (Opcodes.LONG.equals(slots[slot - 1]) || Opcodes.DOUBLE.equals(slots[slot - 1]))) {
      slots[slot - 1] = Opcodes.TOP; // overwrote the second half of a long or double
    }
    put(slots, slot, type);
  }

  private static Object verifierType(Type type) {
    switch (type.getSort()) {
      case Type.BOOLEAN:
      case Type.CHAR:
      case Type.BYTE:
      case Type.SHORT:
      case Type.INT:
        return Opcodes.INTEGER;
      case Type.FLOAT:
        return Opcodes.FLOAT;
      case Type.LONG:
        return Opcodes.LONG;
      case Type.DOUBLE:
        return Opcodes.DOUBLE;
      default:
        return type.getInternalName();
    }
  }

  private static Object[] empty(int size) {
    Object[] slots = new Object[size];
    Arrays.fill(slots, Opcodes.TOP);
    return slots;
  }
}
