package io.llmops.observability.agent.internal;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.HashMap;
import java.util.Map;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.description.annotation.AnnotationDescription;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.description.method.ParameterDescription;

/**
 * Binds an advice parameter to the registry id of the woven method: a constant in the woven
 * code, so that a call looks up precomputed settings instead of reflecting. Internal.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.PARAMETER)
@interface TrackedMethodId {

  /** One per transformation: the enter and exit advice of one method share one id. */
  final class Factory implements Advice.OffsetMapping.Factory<TrackedMethodId> {

    private final Map<String, Integer> ids = new HashMap<>();

    @Override
    public Class<TrackedMethodId> getAnnotationType() {
      return TrackedMethodId.class;
    }

    @Override
    public Advice.OffsetMapping make(ParameterDescription.InDefinedShape target,
        AnnotationDescription.Loadable<TrackedMethodId> annotation, AdviceType adviceType) {
      return (instrumentedType, instrumentedMethod, assigner, argumentHandler, sort) ->
          Advice.OffsetMapping.Target.ForStackManipulation.of(idOf(instrumentedMethod));
    }

    private synchronized int idOf(MethodDescription method) {
      String key = method.getInternalName() + method.getDescriptor();
      Integer id = ids.get(key);
      if (id == null) {
        id = MethodRegistry.register(TrackedMethodReader.read(method));
        ids.put(key, id);
      }
      return id;
    }
  }
}
