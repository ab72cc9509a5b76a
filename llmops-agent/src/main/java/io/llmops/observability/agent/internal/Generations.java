package io.llmops.observability.agent.internal;

import io.llmops.observability.LlmResponse;
import io.llmops.observability.LlmopsContext;
import io.llmops.observability.Scope;
import io.llmops.observability.Span;
import io.llmops.observability.agent.spi.EvaluationHandler;
import io.llmops.observability.agent.spi.EvaluationRequest;
import io.llmops.observability.spi.SdkLog;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import java.util.concurrent.ThreadLocalRandom;

/** The {@code @TrackLlmCall} specifics: response text, usage and evaluation hand-off. Internal. */
final class Generations {

  private static volatile List<EvaluationHandler> handlers;

  private Generations() {}

  /**
   * Records what the core's response readers (registered {@code LlmResponseReader}s first) make
   * of the result on the open span; the caller ends it. The raw result is recorded as output by
   * the caller, per {@code captureOutput}.
   */
  static LlmResponse read(Span span, Object result) {
    LlmResponse response = LlmResponse.read(result);
    if (response != null) {
      span.recordLlmResponse(response);
    }
    return response;
  }

  /** After the span ended: hands the generation to the evaluation handlers, if sampled. */
  static void evaluate(Span span, TrackedMethod method, String model, String prompt, LlmResponse response) {
    if (method.evals().isEmpty()) {
      return;
    }
    List<EvaluationHandler> targets = handlers();
    if (targets.isEmpty() || ThreadLocalRandom.current().nextDouble() >= method.sampleRate()) {
      return;
    }
    EvaluationRequest request = new EvaluationRequest(span.traceId(), span.spanId(),
        method.spanName(), model, prompt, response == null ? null : response.text(),
        method.evals(), method.evaluationMetadata(), contextOf(span));
    for (EvaluationHandler handler : targets) {
      try {
        handler.evaluate(request);
      } catch (RuntimeException e) {
        SdkLog.errorOnce("agent-eval-" + handler.getClass().getName(),
            "llmops-agent: evaluation handler " + handler.getClass().getName() + " failed", e);
      }
    }
  }

  /**
   * A context naming {@code span} (already ended), captured without leaving it current; empty for
   * the no-op span (tracing off, or a span that was not recorded).
   */
  private static LlmopsContext contextOf(Span span) {
    if (span.spanId().isEmpty()) {
      return LlmopsContext.empty();
    }
    try (Scope ignored = span.makeCurrent()) {
      return LlmopsContext.current();
    }
  }

  private static List<EvaluationHandler> handlers() {
    List<EvaluationHandler> list = handlers;
    if (list == null) {
      handlers = list = load(EvaluationHandler.class);
    }
    return list;
  }

  private static <T> List<T> load(Class<T> type) {
    List<T> found = new ArrayList<>();
    try {
      ClassLoader loader = Thread.currentThread().getContextClassLoader();
      for (T service : ServiceLoader.load(type, loader != null ? loader : Generations.class.getClassLoader())) {
        found.add(service);
      }
    } catch (java.util.ServiceConfigurationError | RuntimeException e) {
      SdkLog.errorOnce("agent-services-" + type.getName(),
          "llmops-agent: could not load " + type.getSimpleName() + " implementations", e);
    }
    return List.copyOf(found);
  }
}
