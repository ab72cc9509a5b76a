package io.llmops.observability.agent.internal;

import io.llmops.observability.agent.internal.AdviceSite.Moment;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.FrameNode;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.InsnNode;
import org.objectweb.asm.tree.JumpInsnNode;
import org.objectweb.asm.tree.LabelNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.TryCatchBlockNode;
import org.objectweb.asm.tree.TypeInsnNode;
import org.objectweb.asm.tree.VarInsnNode;

/**
 * Inlines an {@link InlineAdvice} into a method read with expanded frames, without computing a
 * frame from the class hierarchy (that would load classes while they are being loaded). Every
 * local it adds is in a new slot above the method's own, and every frame the method declares is
 * extended with the slots set at entry; the frames of the inserted code declare only what it
 * reads. Each inserted piece has its own catch-all handler that drops what it caught; the
 * handler of the exit on a throw covers the method's own code only and comes last, after the
 * method's own handlers. Write the class with {@code COMPUTE_MAXS}. Internal.
 */
final class AdviceInliner {

  private static final String THROWABLE = "java/lang/Throwable";

  private AdviceInliner() {}

  /**
   * Inlines into each concrete method of {@code type} the advice {@code adviceFor} gives it (null
   * for none); false when no method has any.
   */
  static boolean inlineAll(ClassNode type, BiFunction<String, MethodNode, InlineAdvice> adviceFor) {
    boolean changed = false;
    for (MethodNode method : type.methods) {
      if ((method.access & (Opcodes.ACC_ABSTRACT | Opcodes.ACC_NATIVE)) != 0) {
        continue;
      }
      InlineAdvice advice = adviceFor.apply(type.name, method);
      if (advice != null) {
        inline(type.name, method, advice);
        changed = true;
      }
    }
    return changed;
  }

  static void inline(String owner, MethodNode method, InlineAdvice advice) {
    if (advice.onThrowable() && method.name.equals("<init>")) {
      throw new IllegalArgumentException("an exit on a throw in a constructor is not supported");
    }
    AdviceSite site = new AdviceSite(owner, method, advice);
    List<Object> entryLocals = entryLocals(site);
    extendFrames(method, site.method.maxLocals, entryLocals);
    InsnList original = method.instructions;
    LabelNode originalStart = new LabelNode();
    LabelNode originalEnd = new LabelNode();
    original.insert(originalStart);
    original.add(originalEnd);
    InsnList handlers = new InsnList();
    List<LabelNode> exitBlocks = new ArrayList<>();
    if (advice.exit() != null) {
      for (AbstractInsnNode instruction : original.toArray()) {
        if (instruction.getOpcode() >= Opcodes.IRETURN && instruction.getOpcode() <= Opcodes.RETURN) {
          replaceReturn(site, advice, entryLocals, instruction, handlers, exitBlocks);
        }
      }
    }
    if (advice.onThrowable()) {
      addThrowExit(site, advice, entryLocals, originalStart, originalEnd, exitBlocks, handlers);
    }
    original.insert(entry(site, advice, entryLocals));
    original.add(handlers);
  }

  /** The types of the agent's slots that are set at entry, after TOPs up to them. */
  private static List<Object> entryLocals(AdviceSite site) {
    List<Object> locals = new ArrayList<>();
    if (site.enterSlot >= 0) {
      locals.add("java/lang/Object");
    }
    if (site.thisSlot >= 0) {
      locals.add(site.owner);
    }
    return locals;
  }

  /** Pads each frame's locals with TOP up to {@code firstSlot}, then adds {@code added}. */
  private static void extendFrames(MethodNode method, int firstSlot, List<Object> added) {
    if (added.isEmpty()) {
      return;
    }
    for (AbstractInsnNode instruction : method.instructions) {
      if (instruction instanceof FrameNode frame) {
        List<Object> locals = new ArrayList<>(frame.local == null ? List.of() : frame.local);
        padTo(locals, firstSlot);
        locals.addAll(added);
        frame.local = locals;
      }
    }
  }

  private static void padTo(List<Object> locals, int slots) {
    int used = 0;
    for (Object local : locals) {
      used += local == Opcodes.LONG || local == Opcodes.DOUBLE ? 2 : 1;
    }
    for (; used < slots; used++) {
      locals.add(Opcodes.TOP);
    }
  }

  /** The frame locals at entry: the parameters. */
  private static List<Object> parameterLocals(AdviceSite site) {
    List<Object> locals = new ArrayList<>();
    if (!site.isStatic) {
      locals.add(site.isConstructor ? Opcodes.UNINITIALIZED_THIS : site.owner);
    }
    for (Type parameter : site.parameters) {
      locals.add(frameType(parameter));
    }
    return locals;
  }

  /** TOP for every slot of the method's own, then the agent's slots set at entry. */
  private static List<Object> agentLocals(AdviceSite site, List<Object> entryLocals) {
    List<Object> locals = new ArrayList<>();
    if (site.isConstructor) {
      locals.add(site.owner); // an exit in a constructor reads this from slot 0, initialised
    }
    padTo(locals, site.method.maxLocals);
    locals.addAll(entryLocals);
    return locals;
  }

  private static InsnList entry(AdviceSite site, InlineAdvice advice, List<Object> entryLocals) {
    InsnList code = new InsnList();
    if (advice.enter() != null) {
      LabelNode start = new LabelNode();
      LabelNode end = new LabelNode();
      LabelNode handler = new LabelNode();
      LabelNode done = new LabelNode();
      code.add(start);
      emit(site, Moment.ENTRY, code, advice.enter());
      if (advice.keepsEnterValue()) {
        code.add(new VarInsnNode(Opcodes.ASTORE, site.enterSlot));
      }
      code.add(end);
      code.add(new JumpInsnNode(Opcodes.GOTO, done));
      List<Object> parameters = parameterLocals(site);
      code.add(handler);
      code.add(frame(parameters, THROWABLE));
      code.add(new InsnNode(Opcodes.POP));
      List<Object> after = new ArrayList<>(parameters);
      if (advice.keepsEnterValue()) {
        code.add(new InsnNode(Opcodes.ACONST_NULL));
        code.add(new VarInsnNode(Opcodes.ASTORE, site.enterSlot));
        padTo(after, site.method.maxLocals);
        after.add("java/lang/Object");
      }
      code.add(done);
      code.add(frame(after, null));
      site.method.tryCatchBlocks.add(0, new TryCatchBlockNode(start, end, handler, THROWABLE));
    }
    if (site.thisSlot >= 0) {
      code.add(new VarInsnNode(Opcodes.ALOAD, 0));
      code.add(new VarInsnNode(Opcodes.ASTORE, site.thisSlot));
    }
    // A frame the method declares at its first instruction must not share the offset of ours.
    code.add(new InsnNode(Opcodes.NOP));
    return code;
  }

  /**
   * Replaces a return with: store the value, run the exit (its handler among {@code handlers}),
   * load the value and return.
   */
  private static void replaceReturn(AdviceSite site, InlineAdvice advice, List<Object> entryLocals,
      AbstractInsnNode returnInstruction, InsnList handlers, List<LabelNode> exitBlocks) {
    Type type = site.returnType;
    boolean hasValue = type.getSort() != Type.VOID;
    InsnList code = new InsnList();
    LabelNode blockStart = new LabelNode();
    LabelNode start = new LabelNode();
    LabelNode end = new LabelNode();
    LabelNode blockEnd = new LabelNode();
    code.add(blockStart);
    if (hasValue) {
      code.add(new VarInsnNode(type.getOpcode(Opcodes.ISTORE), site.exitSlot));
    }
    code.add(start);
    emit(site, Moment.RETURN, code, advice.exit());
    if (advice.replacesResult()) {
      code.add(new TypeInsnNode(Opcodes.CHECKCAST, type.getInternalName()));
      code.add(new VarInsnNode(Opcodes.ASTORE, site.exitSlot));
    }
    code.add(end);
    returnValue(site, code);
    code.add(blockEnd);
    site.method.instructions.insertBefore(returnInstruction, code);
    site.method.instructions.remove(returnInstruction);
    exitBlocks.add(blockStart);
    exitBlocks.add(blockEnd);

    LabelNode handler = new LabelNode();
    List<Object> locals = agentLocals(site, entryLocals);
    if (hasValue) {
      locals.add(frameType(type));
    }
    handlers.add(handler);
    handlers.add(frame(locals, THROWABLE));
    handlers.add(new InsnNode(Opcodes.POP));
    returnValue(site, handlers);
    site.method.tryCatchBlocks.add(0, new TryCatchBlockNode(start, end, handler, THROWABLE));
  }

  private static void returnValue(AdviceSite site, InsnList code) {
    Type type = site.returnType;
    if (type.getSort() != Type.VOID) {
      code.add(new VarInsnNode(type.getOpcode(Opcodes.ILOAD), site.exitSlot));
    }
    code.add(new InsnNode(type.getOpcode(Opcodes.IRETURN)));
  }

  /**
   * A catch-all over the method's own code (not the inserted exits), registered after its own
   * handlers: stores the exception, runs the exit (suppressed) and throws it again.
   */
  private static void addThrowExit(AdviceSite site, InlineAdvice advice, List<Object> entryLocals,
      LabelNode originalStart, LabelNode originalEnd, List<LabelNode> exitBlocks,
      InsnList handlers) {
    LabelNode handler = new LabelNode();
    List<LabelNode> bounds = new ArrayList<>();
    bounds.add(originalStart);
    bounds.addAll(exitBlocks);
    bounds.add(originalEnd);
    for (int i = 0; i < bounds.size(); i += 2) {
      if (hasInstructionBetween(bounds.get(i), bounds.get(i + 1))) {
        site.method.tryCatchBlocks.add(
            new TryCatchBlockNode(bounds.get(i), bounds.get(i + 1), handler, null));
      }
    }
    List<Object> locals = agentLocals(site, entryLocals);
    LabelNode start = new LabelNode();
    LabelNode end = new LabelNode();
    LabelNode suppressed = new LabelNode();
    LabelNode rethrow = new LabelNode();
    handlers.add(handler);
    handlers.add(frame(locals, THROWABLE));
    handlers.add(new VarInsnNode(Opcodes.ASTORE, site.exitSlot));
    handlers.add(start);
    emit(site, Moment.THROW, handlers, advice.exit());
    if (advice.replacesResult()) {
      handlers.add(new InsnNode(Opcodes.POP));
    }
    handlers.add(end);
    handlers.add(new JumpInsnNode(Opcodes.GOTO, rethrow));
    List<Object> withThrown = new ArrayList<>(locals);
    withThrown.add(THROWABLE);
    handlers.add(suppressed);
    handlers.add(frame(withThrown, THROWABLE));
    handlers.add(new InsnNode(Opcodes.POP));
    handlers.add(rethrow);
    handlers.add(frame(withThrown, null));
    handlers.add(new VarInsnNode(Opcodes.ALOAD, site.exitSlot));
    handlers.add(new InsnNode(Opcodes.ATHROW));
    site.method.tryCatchBlocks.add(0, new TryCatchBlockNode(start, end, suppressed, THROWABLE));
  }

  private static boolean hasInstructionBetween(LabelNode from, LabelNode to) {
    for (AbstractInsnNode at = from.getNext(); at != null && at != to; at = at.getNext()) {
      if (at.getOpcode() >= 0) {
        return true;
      }
    }
    return false;
  }

  private static void emit(AdviceSite site, Moment moment, InsnList code, InlineAdvice.Code piece) {
    site.code = code;
    site.moment = moment;
    piece.emit(site);
  }

  private static FrameNode frame(List<Object> locals, String stackTop) {
    Object[] stack = stackTop == null ? new Object[0] : new Object[] {stackTop};
    return new FrameNode(Opcodes.F_NEW, locals.size(), locals.toArray(), stack.length, stack);
  }

  private static Object frameType(Type type) {
    return switch (type.getSort()) {
      case Type.BOOLEAN, Type.CHAR, Type.BYTE, Type.SHORT, Type.INT -> Opcodes.INTEGER;
      case Type.FLOAT -> Opcodes.FLOAT;
      case Type.LONG -> Opcodes.LONG;
      case Type.DOUBLE -> Opcodes.DOUBLE;
      default -> type.getInternalName();
    };
  }
}
