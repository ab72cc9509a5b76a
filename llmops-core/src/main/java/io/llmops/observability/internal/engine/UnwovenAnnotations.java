package io.llmops.observability.internal.engine;

import io.llmops.observability.TrackFunction;
import io.llmops.observability.TrackLlmAgent;
import io.llmops.observability.TrackLlmCall;
import io.llmops.observability.TrackLlmTool;
import io.llmops.observability.TrackTransaction;
import io.llmops.observability.spi.SdkLog;
import io.llmops.observability.spi.Weaving;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Annotations with nothing to weave them do nothing, which a user otherwise finds out only by
 * missing spans. While no weaving is active, the first traces started look at the application
 * classes on the calling thread's stack; the first {@code @Track*} method found there is named in
 * one warning that says how to enable weaving. Bounded: at most {@value #LOOKS} looks per
 * process, each one stack walk. Internal.
 */
final class UnwovenAnnotations {

  private static final int LOOKS = 32;
  private static final List<Class<? extends Annotation>> TRACKING = List.of(TrackFunction.class,
      TrackLlmCall.class, TrackLlmAgent.class, TrackLlmTool.class, TrackTransaction.class);
  private static final AtomicInteger LOOKS_LEFT = new AtomicInteger(LOOKS);

  private UnwovenAnnotations() {}

  /** Called when a trace starts; cheap once the looks are spent or weaving is active. */
  static void look() {
    if (LOOKS_LEFT.get() <= 0 || Weaving.isActive() || LOOKS_LEFT.decrementAndGet() < 0) {
      return;
    }
    try {
      Optional<String> found = StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE)
          .walk(frames -> frames.map(frame -> annotated(frame.getDeclaringClass(), frame.getMethodName()))
              .filter(name -> name != null).findFirst());
      found.ifPresent(method -> {
        LOOKS_LEFT.set(0);
        SdkLog.warn("llmops: " + method + " is annotated to be traced, but nothing weaves the "
            + "@Track* annotations in this JVM, so they do nothing: start the JVM with "
            + "-javaagent:llmops-agent.jar or call LlmopsAgent.install() at start-up "
            + "(docs/AGENT.md)");
      });
    } catch (RuntimeException | LinkageError e) {
      LOOKS_LEFT.set(0); // a class on the stack that cannot be inspected: stop looking
    }
  }

  /** "Class.method @Annotation" when {@code type} declares {@code name} with a tracking annotation. */
  private static String annotated(Class<?> type, String name) {
    if (type.getName().startsWith("io.llmops.observability.") || type.getClassLoader() == null) {
      return null;
    }
    for (Method method : type.getDeclaredMethods()) {
      if (method.getName().equals(name)) {
        for (Class<? extends Annotation> annotation : TRACKING) {
          if (method.isAnnotationPresent(annotation)) {
            return type.getName() + "." + name + " (@" + annotation.getSimpleName() + ")";
          }
        }
      }
    }
    return null;
  }
}
