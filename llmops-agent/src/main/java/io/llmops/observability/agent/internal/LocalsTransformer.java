package io.llmops.observability.agent.internal;

import io.llmops.observability.spi.SdkLog;
import java.lang.instrument.ClassFileTransformer;
import java.security.ProtectionDomain;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.AnnotationNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.LdcInsnNode;
import org.objectweb.asm.tree.LocalVariableNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.VarInsnNode;
import org.objectweb.asm.tree.analysis.AnalyzerException;

/**
 * The {@code captureLocals} pass. Before every return and {@code athrow} of a method whose
 * annotation asks for locals, inserts {@code Dispatcher.local(name, value)} for each local that
 * {@link CapturePlan} finds safe to read there. The inserted code neither branches nor changes a
 * local, so the class's stack map frames stay valid. A method whose locals cannot be planned is
 * left as it is (logged), and a class whose loader cannot see the agent is not changed. Internal.
 */
final class LocalsTransformer implements ClassFileTransformer {

  private static final String MARKER = "captureLocals";
  private static final String DISPATCHER = Type.getInternalName(Dispatcher.class);

  @Override
  public byte[] transform(ClassLoader loader, String className, Class<?> redefined,
      ProtectionDomain domain, byte[] classFile) {
    if (loader == null || className == null || skipped(className)
        || !ClassFiles.contains(classFile, MARKER) || BuildTimeWeaver.woven(classFile)) {
      return null;
    }
    AdviceRoutes.Route route = AdviceRoutes.route(loader);
    if (route == AdviceRoutes.Route.UNSUPPORTED) {
      return null; // logged by the route, once per loader
    }
    try {
      return rewrite(classFile, route == AdviceRoutes.Route.DISPATCHED);
    } catch (RuntimeException | LinkageError e) {
      SdkLog.errorOnce("agent-locals-" + className, "llmops-agent: captureLocals could not "
          + "be applied to " + className.replace('/', '.') + "; its locals are not recorded", e);
      return null;
    }
  }

  private static boolean skipped(String name) {
    return name.startsWith("java/") || name.startsWith("jdk/") || name.startsWith("sun/")
        || name.startsWith("io/llmops/observability/agent/internal/")
        || name.startsWith("io/llmops/observability/agent/shaded/");
  }

  static byte[] rewrite(byte[] classFile) {
    return rewrite(classFile, false);
  }

  /**
   * {@code classFile} with the captures inserted, or null when it has none; {@code dispatched}:
   * they call {@link AdviceRoutes#DISPATCH} with the class, not {@link Dispatcher}.
   */
  static byte[] rewrite(byte[] classFile, boolean dispatched) {
    ClassNode type = new ClassNode();
    new ClassReader(classFile).accept(type, ClassReader.EXPAND_FRAMES);
    boolean changed = false;
    for (MethodNode method : type.methods) {
      List<String> wanted = wantedLocals(method);
      if (wanted == null || method.name.equals("<init>") || method.instructions.size() == 0) {
        continue;
      }
      if (method.localVariables == null || method.localVariables.isEmpty()) {
        SdkLog.warnOnce("agent-no-lvt-" + type.name, "llmops-agent: "
            + type.name.replace('/', '.') + " was compiled without a local variable table "
            + "(javac -g:none); captureLocals records nothing for its methods, arguments are still "
            + "recorded");
        continue;
      }
      changed |= insertCaptures(type.name, method, wanted, dispatched);
    }
    if (!changed) {
      return null;
    }
    ClassWriter writer = new ClassWriter(ClassWriter.COMPUTE_MAXS);
    type.accept(writer);
    return writer.toByteArray();
  }

  /** The names the method's tracking annotation asks for, ["*"] for all, or null for none. */
  private static List<String> wantedLocals(MethodNode method) {
    if (method.visibleAnnotations == null) {
      return null;
    }
    for (AnnotationNode annotation : method.visibleAnnotations) {
      if (!Arrays.asList(TrackedAnnotations.DESCRIPTORS).contains(annotation.desc)
          || annotation.values == null) {
        continue;
      }
      for (int i = 0; i + 1 < annotation.values.size(); i += 2) {
        if ("captureLocals".equals(annotation.values.get(i))) {
          @SuppressWarnings("unchecked")
          List<String> names = (List<String>) annotation.values.get(i + 1);
          return names.isEmpty() ? null : names;
        }
      }
    }
    return null;
  }

  private static boolean insertCaptures(String owner, MethodNode method, List<String> wanted,
      boolean dispatched) {
    Map<AbstractInsnNode, List<LocalVariableNode>> plan;
    try {
      plan = CapturePlan.of(owner, method, wanted);
    } catch (AnalyzerException | RuntimeException e) {
      String where = owner.replace('/', '.') + "." + method.name;
      SdkLog.warnOnce("agent-locals-" + owner + "." + method.name + method.desc,
          "llmops-agent: captureLocals cannot tell which locals of " + where + " are safe to read ("
              + e.getClass().getSimpleName() + ": " + e.getMessage() + "); its locals are not recorded");
      return false;
    }
    for (Map.Entry<AbstractInsnNode, List<LocalVariableNode>> exit : plan.entrySet()) {
      InsnList capture = new InsnList();
      for (LocalVariableNode local : exit.getValue()) {
        if (dispatched) {
          capture.add(new LdcInsnNode(Type.getObjectType(owner)));
        }
        capture.add(new LdcInsnNode(local.name));
        Type localType = Type.getType(local.desc);
        capture.add(new VarInsnNode(localType.getOpcode(Opcodes.ILOAD), local.index));
        box(capture, localType);
        capture.add(new MethodInsnNode(Opcodes.INVOKESTATIC,
            dispatched ? AdviceRoutes.DISPATCH : DISPATCHER, "local", AnnotationWeaving.owned(
                dispatched, "(Ljava/lang/String;Ljava/lang/Object;)V"), false));
      }
      method.instructions.insertBefore(exit.getKey(), capture);
    }
    return !plan.isEmpty();
  }

  private static void box(InsnList code, Type type) {
    String owner;
    switch (type.getSort()) {
      case Type.BOOLEAN: owner = "java/lang/Boolean"; break;
      case Type.CHAR: owner = "java/lang/Character"; break;
      case Type.BYTE: owner = "java/lang/Byte"; break;
      case Type.SHORT: owner = "java/lang/Short"; break;
      case Type.INT: owner = "java/lang/Integer"; break;
      case Type.FLOAT: owner = "java/lang/Float"; break;
      case Type.LONG: owner = "java/lang/Long"; break;
      case Type.DOUBLE: owner = "java/lang/Double"; break;
      default: return;
    }
    code.add(new MethodInsnNode(Opcodes.INVOKESTATIC, owner, "valueOf",
        "(" + type.getDescriptor() + ")L" + owner + ";", false));
  }
}
