package io.llmops.observability.agent.internal;

import io.llmops.observability.Span;
import io.llmops.observability.agent.spi.EvaluationHandler;
import io.llmops.observability.agent.spi.EvaluationRequest;
import io.llmops.observability.agent.spi.LlmResponse;
import io.llmops.observability.agent.spi.LlmResponseReader;
import io.llmops.observability.internal.engine.InternalLog;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import java.util.concurrent.ThreadLocalRandom;

/** The {@code @TrackLlmCall} specifics: response text, usage and evaluation hand-off. Internal. */
final class Generations {

  private static volatile List<LlmResponseReader> readers;
  private static volatile List<EvaluationHandler> handlers;

  private Generations() {}

  /** Records response and usage on the open span; the caller ends it. */
  static LlmResponse read(Span span, Object result) {
    LlmResponse response = readResponse(result);
    if (response != null) {
      if (response.text() != null) {
        span.setResponse(response.text());
      }
      if (response.hasUsage() && response.inputTokens() >= 0 && response.outputTokens() >= 0) {
        span.setUsage(response.inputTokens(), response.outputTokens());
      }
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
        method.evals(), method.evaluationMetadata());
    for (EvaluationHandler handler : targets) {
      try {
        handler.evaluate(request);
      } catch (RuntimeException e) {
        InternalLog.errorOnce("agent-eval-" + handler.getClass().getName(),
            "llmops-agent: evaluation handler " + handler.getClass().getName() + " failed", e);
      }
    }
  }

  static LlmResponse readResponse(Object result) {
    if (result == null) {
      return null;
    }
    for (LlmResponseReader reader : readers()) {
      try {
        LlmResponse response = reader.read(result);
        if (response != null) {
          return response;
        }
      } catch (RuntimeException e) {
        InternalLog.errorOnce("agent-reader-" + reader.getClass().getName(),
            "llmops-agent: response reader " + reader.getClass().getName() + " failed; skipped", e);
      }
    }
    return BuiltInReaders.read(result);
  }

  private static List<LlmResponseReader> readers() {
    List<LlmResponseReader> list = readers;
    if (list == null) {
      readers = list = load(LlmResponseReader.class);
    }
    return list;
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
      InternalLog.errorOnce("agent-services-" + type.getName(),
          "llmops-agent: could not load " + type.getSimpleName() + " implementations", e);
    }
    return List.copyOf(found);
  }
}
