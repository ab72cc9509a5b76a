package io.llmops.observability.agent.internal;

import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AnnotationNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.MethodNode;

/**
 * Weaves the annotated methods of the application: each gets {@link Dispatcher#enter} at entry
 * (with its {@link MethodRegistry} id, {@code this} and its arguments) and {@link Dispatcher#exit}
 * at every exit, thrown ones included; a method returning a Reactor {@code Mono} or {@code Flux}
 * gets {@link Dispatcher#exitReactive}, whose publisher replaces the returned one. Only the
 * application's class files that name one of the annotations are parsed. Internal.
 */
final class AnnotationWeaving implements ClassWeaving {

  /**
   * Packages of the JDK, of the agent and of widely used libraries, which never carry the
   * annotations: their classes are not even read (docs/AGENT.md lists them). Internal names.
   */
  private static final String[] NOT_WOVEN = {"java/", "javax/", "jdk/", "sun/", "com/sun/",
      "net/bytebuddy/", "io/llmops/observability/agent/internal/",
      "io/llmops/observability/agent/bootstrap/",
      "io/llmops/observability/agent/shaded/", "software/amazon/awssdk/", "com/amazonaws/",
      "io/netty/", "com/fasterxml/jackson/", "org/springframework/", "org/apache/",
      "org/eclipse/jetty/", "org/slf4j/", "ch/qos/logback/", "com/google/", "kotlin/", "scala/",
      "reactor/", "io/micrometer/", "io/opentelemetry/", "org/hibernate/", "org/jboss/",
      "org/junit/", "org/assertj/", "org/objectweb/asm/"};

  /** {@link #NOT_WOVEN} as {@link Class#getName()} spells them. */
  private static final String[] NOT_WOVEN_CLASSES = dotted(NOT_WOVEN);

  private static final Set<String> ANNOTATIONS = Set.of(
      descriptor(TrackedAnnotations.LLM_CALL), descriptor(TrackedAnnotations.AGENT),
      descriptor(TrackedAnnotations.TOOL), descriptor(TrackedAnnotations.FUNCTION),
      descriptor(TrackedAnnotations.TRANSACTION), descriptor(TrackedAnnotations.EXTERNAL_SERVICE),
      descriptor(TrackedAnnotations.RESUME));
  /** Methods returning a Reactor publisher, matched by name so Reactor need not be present. */
  private static final Set<String> REACTIVE =
      Set.of(")Lreactor/core/publisher/Mono;", ")Lreactor/core/publisher/Flux;");
  private static final String DISPATCHER = "io/llmops/observability/agent/internal/Dispatcher";
  private static final String EXIT_DESCRIPTOR =
      "(Ljava/lang/Object;Ljava/lang/Object;Ljava/lang/Throwable;)";

  /** Classes the annotation weaving never changes, by internal name ({@link #NOT_WOVEN}). */
  static boolean outsideTheApplication(String internalName) {
    return startsWithOneOf(internalName, NOT_WOVEN);
  }

  private static String[] dotted(String[] internalNames) {
    String[] dotted = new String[internalNames.length];
    for (int i = 0; i < dotted.length; i++) {
      dotted[i] = internalNames[i].replace('/', '.');
    }
    return dotted;
  }

  private static boolean startsWithOneOf(String name, String[] prefixes) {
    for (String prefix : prefixes) {
      if (name.startsWith(prefix)) {
        return true;
      }
    }
    return false;
  }

  @Override
  public boolean wants(String internalName, byte[] classFile) {
    return !outsideTheApplication(internalName) && ClassFiles.mayUseTrackedAnnotations(classFile)
        && !BuildTimeWeaver.woven(classFile);
  }

  /**
   * Classes of the application (not the JDK's, nor the agent's own), other than hidden classes
   * (lambdas), whose class file is not at hand or declares a method it weaves: the class files
   * that name one of the annotations are parsed (without their code) to tell, so that no other
   * class is retransformed (retransforming costs the JVM a redefinition even when nothing
   * changes).
   */
  @Override
  public boolean candidate(Class<?> loaded) {
    if (loaded.getClassLoader() == null || loaded.isHidden()
        || startsWithOneOf(loaded.getName(), NOT_WOVEN_CLASSES)) {
      return false;
    }
    byte[] classFile = ClassFiles.of(loaded);
    return classFile == null
        || ClassFiles.mayUseTrackedAnnotations(classFile) && !BuildTimeWeaver.woven(classFile)
            && declaresWovenMethod(classFile);
  }

  private static boolean declaresWovenMethod(byte[] classFile) {
    ClassNode type = new ClassNode();
    new ClassReader(classFile).accept(type,
        ClassReader.SKIP_CODE | ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
    if ((type.access & Opcodes.ACC_SYNTHETIC) != 0) {
      return false;
    }
    for (MethodNode method : type.methods) {
      if ((method.access & (Opcodes.ACC_ABSTRACT | Opcodes.ACC_NATIVE)) == 0
          && !method.name.equals("<init>") && annotated(method)) {
        return true;
      }
    }
    return false;
  }

  /**
   * The woven code calls {@link Dispatcher} when {@code loader} sees the agent's core, else
   * {@link AdviceRoutes#DISPATCH} with its class ({@link AdviceRoutes}).
   */
  @Override
  public @Nullable Advisor advisor(String owner, int access, @Nullable ClassLoader loader) {
    if ((access & Opcodes.ACC_SYNTHETIC) != 0) {
      return null;
    }
    AdviceRoutes.Route route = AdviceRoutes.route(loader);
    if (route == AdviceRoutes.Route.UNSUPPORTED) {
      return null;
    }
    boolean dispatched = route == AdviceRoutes.Route.DISPATCHED;
    return Advisor.readingWholeMethods((type, method) -> adviceFor(type, method, dispatched));
  }

  private static InlineAdvice adviceFor(String owner, MethodNode method, boolean dispatched) {
    if (!woven(method)) {
      return null;
    }
    int id = MethodRegistry.register(TrackedMethodReader.read(owner, method));
    return advice(method, dispatched, site -> site.loadInt(id));
  }

  /** Whether {@code method} gets the advice: annotated, and not a constructor. */
  static boolean woven(MethodNode method) {
    return !method.name.equals("<init>") && annotated(method);
  }

  /**
   * The advice of an annotated method; {@code loadId} loads its {@link MethodRegistry} id (a
   * constant at load time, a constant resolved at run time when woven at build time).
   */
  static InlineAdvice advice(MethodNode method, boolean dispatched, InlineAdvice.Code loadId) {
    InlineAdvice advice = InlineAdvice.around(site -> {
      String target = target(site, dispatched);
      loadId.emit(site);
      site.loadThisOrNull();
      site.loadArgumentArray();
      site.invokeStatic(target, "enter", owned(dispatched,
          "(ILjava/lang/Object;[Ljava/lang/Object;)Ljava/lang/Object;"));
    }, site -> exit(site, "exit", "V", dispatched));
    return REACTIVE.stream().anyMatch(method.desc::endsWith)
        ? advice.replacingResult(
            site -> exit(site, "exitReactive", "Ljava/lang/Object;", dispatched))
        : advice;
  }

  private static void exit(AdviceSite site, String name, String returned, boolean dispatched) {
    String target = target(site, dispatched);
    site.loadEnterValue();
    site.loadResult();
    site.loadThrown();
    site.invokeStatic(target, name, owned(dispatched, EXIT_DESCRIPTOR + returned));
  }

  /** Loads the woven class first when the call is dispatched; the class to call. */
  private static String target(AdviceSite site, boolean dispatched) {
    if (!dispatched) {
      return DISPATCHER;
    }
    site.loadConstant(Type.getObjectType(site.owner));
    return AdviceRoutes.DISPATCH;
  }

  /** {@code descriptor} with the woven class as first parameter when the call is dispatched. */
  static String owned(boolean dispatched, String descriptor) {
    return dispatched ? "(Ljava/lang/Class;" + descriptor.substring(1) : descriptor;
  }

  private static boolean annotated(MethodNode method) {
    if (method.visibleAnnotations != null) {
      for (AnnotationNode annotation : method.visibleAnnotations) {
        if (ANNOTATIONS.contains(annotation.desc)) {
          return true;
        }
      }
    }
    return false;
  }

  private static String descriptor(String annotationName) {
    return "L" + annotationName.replace('.', '/') + ";";
  }

  @Override
  public void woven() {
    StartupStats.woven();
  }

  @Override
  public String logKey() {
    return "agent-weave-";
  }

  @Override
  public String consequence() {
    return "its annotations have no effect";
  }
}
