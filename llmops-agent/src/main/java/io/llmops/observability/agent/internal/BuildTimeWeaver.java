package io.llmops.observability.agent.internal;

import io.llmops.observability.spi.Weaving;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.ConstantDynamic;
import org.objectweb.asm.Handle;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.FieldNode;
import org.objectweb.asm.tree.MethodNode;

/**
 * The agent's annotation weaving, run on a compiled class file instead of a loading class (for
 * {@code llmops-maven-plugin}): the captureLocals pass, then the advice, both calling
 * {@link Dispatcher} directly. The woven code finds its {@link MethodRegistry} id at run time
 * through a dynamic constant resolved by {@link BuildTimeMethods}, and the class gets the
 * synthetic field {@link Weaving#BUILD_TIME_MARKER}, so that weaving it again, the agent and
 * Spring AOP all leave it as it is. Public for the plugin only: internal.
 */
public final class BuildTimeWeaver {

  /** Dynamic constants need class files of Java 11 (version 55) or later. */
  static final int OLDEST_VERSION = Opcodes.V11;

  private static final Handle METHOD_ID = new Handle(Opcodes.H_INVOKESTATIC,
      Type.getInternalName(BuildTimeMethods.class), "id",
      "(Ljava/lang/invoke/MethodHandles$Lookup;Ljava/lang/String;Ljava/lang/Class;"
          + "Ljava/lang/String;)I", false);

  private BuildTimeWeaver() {}

  /**
   * What weaving one class file gave.
   *
   * @param classFile the woven class file; null when the class is left as it is
   * @param methods how many methods were woven
   * @param notWoven why a class with annotated methods was left as it is; null otherwise
   */
  public record Result(byte[] classFile, int methods, String notWoven) {

    static final Result UNCHANGED = new Result(null, 0, null);
  }

  /** {@code classFile} with its annotated methods woven; never throws for a valid class file. */
  public static Result weave(byte[] classFile) {
    if (!ClassFiles.mayUseTrackedAnnotations(classFile) || woven(classFile)) {
      return Result.UNCHANGED;
    }
    ClassNode outline = new ClassNode();
    new ClassReader(classFile).accept(outline,
        ClassReader.SKIP_CODE | ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
    int methods = wovenMethods(outline);
    if (methods == 0 || AnnotationWeaving.outsideTheApplication(outline.name)
        || (outline.access & Opcodes.ACC_SYNTHETIC) != 0) {
      return Result.UNCHANGED;
    }
    int version = outline.version & 0xFFFF;
    if (version < OLDEST_VERSION) {
      return new Result(null, 0, "its class file version " + version + " is older than "
          + OLDEST_VERSION + " (Java 11), which the woven code needs; compile it with "
          + "release 11 or later");
    }
    byte[] withLocals = LocalsTransformer.rewrite(classFile, false);
    ClassNode type = new ClassNode();
    new ClassReader(withLocals != null ? withLocals : classFile).accept(type,
        ClassReader.EXPAND_FRAMES);
    AdviceInliner.inlineAll(type, (owner, method) -> AnnotationWeaving.woven(method)
        ? AnnotationWeaving.advice(method, false, site -> site.loadConstant(idOf(method)))
        : null);
    type.fields.add(marker(type));
    // Frames are kept as inserted, as the agent does: computing them would load classes.
    ClassWriter writer = new ClassWriter(ClassWriter.COMPUTE_MAXS);
    type.accept(writer);
    return new Result(writer.toByteArray(), methods, null);
  }

  /** Whether {@code classFile} was woven at build time already (one byte search). */
  static boolean woven(byte[] classFile) {
    return classFile != null && ClassFiles.contains(classFile, Weaving.BUILD_TIME_MARKER);
  }

  private static int wovenMethods(ClassNode outline) {
    int count = 0;
    for (MethodNode method : outline.methods) {
      if ((method.access & (Opcodes.ACC_ABSTRACT | Opcodes.ACC_NATIVE)) == 0
          && AnnotationWeaving.woven(method)) {
        count++;
      }
    }
    return count;
  }

  /** The method's id, resolved once, on its first call, by {@link BuildTimeMethods#id}. */
  private static ConstantDynamic idOf(MethodNode method) {
    return new ConstantDynamic(method.name, "I", METHOD_ID, method.desc);
  }

  /** Public in an interface, whose fields all are; private elsewhere. */
  private static FieldNode marker(ClassNode type) {
    int visibility = (type.access & Opcodes.ACC_INTERFACE) != 0
        ? Opcodes.ACC_PUBLIC : Opcodes.ACC_PRIVATE;
    return new FieldNode(visibility | Opcodes.ACC_STATIC | Opcodes.ACC_FINAL
        | Opcodes.ACC_SYNTHETIC, Weaving.BUILD_TIME_MARKER, "Z", null, 1);
  }
}
