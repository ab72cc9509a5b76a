package io.llmops.observability.spi;

import io.llmops.observability.LlmResponse;
import io.llmops.observability.LlmopsContext;
import io.llmops.observability.Scope;
import io.llmops.observability.Span;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.concurrent.ThreadLocalRandom;
import org.jspecify.annotations.Nullable;

/**
 * Hands an ended {@code @TrackLlmCall} generation to the {@link EvaluationHandler}s, when its
 * settings ask for evaluation and its {@code sampleRate} selects the call: the one hand-off of
 * the agent and of Spring AOP. Handlers are found once, with {@link ServiceLoader}, through the
 * thread's context class loader (else this core's). Thread-safe; never throws.
 */
public final class EvaluationHandOff {

  private static volatile @Nullable List<EvaluationHandler> handlers;

  private EvaluationHandOff() {}

  /**
   * After {@code span} ended: builds the {@link EvaluationRequest} (trace and span id, model,
   * prompt, the response's text, criteria, metadata, a context naming the span) and gives it
   * to every handler. Nothing happens without criteria, without a handler, or when the call is
   * not sampled.
   */
  public static void handOff(Span span, String spanName, @Nullable String model,
      @Nullable String prompt, @Nullable LlmResponse response, EvaluationSettings settings) {
    try {
      if (!settings.any()) {
        return;
      }
      List<EvaluationHandler> targets = handlers();
      if (targets.isEmpty() || ThreadLocalRandom.current().nextDouble() >= settings.sampleRate()) {
        return;
      }
      EvaluationRequest request = new EvaluationRequest(span.traceId(), span.spanId(), spanName,
          model, prompt, response == null ? null : response.text(), settings.criteria(),
          settings.metadata(), contextOf(span));
      for (EvaluationHandler handler : targets) {
        evaluate(handler, request);
      }
    } catch (RuntimeException | LinkageError e) {
      SdkLog.errorOnce("eval-hand-off", "llmops: could not hand a generation to evaluation", e);
    }
  }

  private static void evaluate(EvaluationHandler handler, EvaluationRequest request) {
    try {
      handler.evaluate(request);
    } catch (RuntimeException e) {
      SdkLog.errorOnce("eval-handler-" + handler.getClass().getName(),
          "llmops: evaluation handler " + handler.getClass().getName() + " failed", e);
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
      handlers = list = load();
    }
    return list;
  }

  private static List<EvaluationHandler> load() {
    List<EvaluationHandler> found = new ArrayList<>();
    try {
      ClassLoader context = Thread.currentThread().getContextClassLoader();
      ClassLoader loader = context != null ? context : EvaluationHandOff.class.getClassLoader();
      for (EvaluationHandler handler : ServiceLoader.load(EvaluationHandler.class, loader)) {
        found.add(handler);
      }
    } catch (ServiceConfigurationError | RuntimeException e) {
      SdkLog.errorOnce("eval-handlers-load",
          "llmops: could not load EvaluationHandler implementations", e);
    }
    return List.copyOf(found);
  }
}
