package io.llmops.observability.agent.internal;

import io.llmops.observability.spi.AnnotatedMethod;
import io.llmops.observability.spi.AnnotationRules;
import io.llmops.observability.spi.MethodShape;
import io.llmops.observability.spi.TrackingAnnotations;
import java.util.List;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AnnotationNode;
import org.objectweb.asm.tree.MethodNode;

/**
 * Turns a method's annotation into a {@link TrackedMethod}, at weaving time: it takes the raw
 * values from the class file and hands them to the core's {@link AnnotationRules}. Internal.
 */
final class TrackedMethodReader {

  private TrackedMethodReader() {}

  /** The settings of {@code method}, one of {@code owner}'s (internal name) with an annotation. */
  static TrackedMethod read(String owner, MethodNode method) {
    AnnotationValues annotation = null;
    AnnotationValues resume = null;
    int found = 0;
    for (AnnotationNode node : method.visibleAnnotations == null
        ? List.<AnnotationNode>of() : method.visibleAnnotations) {
      AnnotationValues candidate = new AnnotationValues(node);
      if (candidate.typeName.equals(TrackedAnnotations.RESUME)) {
        resume = candidate;
      } else if (TrackingAnnotations.IN_ORDER.contains(candidate.typeName)) {
        found++;
        annotation = annotation == null || rank(candidate) < rank(annotation) ? candidate : annotation;
      }
    }
    String ownerName = owner.replace('/', '.');
    String where = ownerName + "#" + method.name;
    if (found > 1) {
      TrackingAnnotations.warnOfSeveral(where, annotation.typeName);
    }
    if (annotation == null) { // @ResumeExternalService alone: its own span, as @TrackFunction's
      annotation = resume;
    }
    Type[] parameters = Type.getArgumentTypes(method.desc);
    boolean isStatic = (method.access & Opcodes.ACC_STATIC) != 0;
    MethodShape shape = new MethodShape(where, method.name, isStatic,
        Type.getReturnType(method.desc).getSort() == Type.VOID,
        ParameterNames.of(method, parameters, isStatic), classNames(parameters));
    AnnotatedMethod read = AnnotationRules.read(shape, annotation.typeName, annotation::value,
        resume == null ? null : resume.string("name"));
    return TrackedMethod.of(ownerName, shape, read);
  }

  private static int rank(AnnotationValues annotation) {
    return TrackingAnnotations.IN_ORDER.indexOf(annotation.typeName);
  }

  private static String[] classNames(Type[] types) {
    String[] names = new String[types.length];
    for (int i = 0; i < types.length; i++) {
      names[i] = types[i].getClassName();
    }
    return names;
  }
}
