package io.llmops.observability.agent.internal;

import io.llmops.observability.SpanType;
import io.llmops.observability.spi.AnnotatedMethod;
import io.llmops.observability.spi.EvaluationSettings;
import java.util.Arrays;

/**
 * The core's {@link AnnotatedMethod} of each woven method, made on its first call from the
 * {@link TrackedMethod} the weaving registered. Each runtime ({@link RuntimeLoader}) has its own
 * copy of this class, linked against its own core, while the {@code TrackedMethod}s (JDK types
 * only) are shared. Reads are lock-free; a new entry copies the array. Internal.
 */
final class AnnotatedMethods {

  private static volatile AnnotatedMethod[] byId = new AnnotatedMethod[64];

  private AnnotatedMethods() {}

  static AnnotatedMethod of(int id, TrackedMethod method) {
    AnnotatedMethod[] current = byId;
    AnnotatedMethod found = id < current.length ? current[id] : null;
    return found != null ? found : store(id, describe(method));
  }

  private static synchronized AnnotatedMethod store(int id, AnnotatedMethod method) {
    AnnotatedMethod[] current = byId;
    AnnotatedMethod[] copy = Arrays.copyOf(current, Math.max(current.length, Integer.highestOneBit(id) * 2));
    if (copy[id] == null) {
      copy[id] = method;
    }
    byId = copy;
    return copy[id];
  }

  private static AnnotatedMethod describe(TrackedMethod method) {
    PromptLink link = method.promptLink();
    return new AnnotatedMethod(
        method.where(),
        method.spanName(),
        SpanType.valueOf(method.typeName()),
        method.metadata(),
        method.tags(),
        method.captureArgs(),
        method.captureOutput(),
        method.captureSelf() && !method.isStatic(),
        method.isVoid(),
        method.parameterNames(),
        method.model(),
        link == null ? "" : link.name(),
        link == null ? 0 : link.version(),
        method.promptIndex(),
        method.evals().isEmpty() ? EvaluationSettings.NONE
            : new EvaluationSettings(method.evals(), method.sampleRate(), method.evaluationMetadata()),
        method.serviceName(),
        method.transport(),
        method.segmentName());
  }
}
