package io.llmops.observability.evals.internal;

import io.llmops.observability.spi.EvaluationHandler;
import io.llmops.observability.spi.EvaluationRequest;
import io.llmops.observability.evals.Criterion;
import io.llmops.observability.evals.EvaluationRunner;
import io.llmops.observability.evals.JudgeEvaluations;
import io.llmops.observability.evals.JudgeRequest;
import io.llmops.observability.spi.SdkLog;
import java.util.Optional;

/**
 * The core's {@link EvaluationHandler} (found with ServiceLoader; the agent and Spring AOP hand
 * over alike): queues one judgement per criterion of a sampled {@code @TrackLlmCall} generation
 * on {@link JudgeEvaluations#runner()}.
 * Runs on the caller's thread and only queues. Supplied context for faithfulness is read from
 * the {@code evaluationMetadata} entry {@code context}. Internal.
 */
public final class JudgeEvaluationHandler implements EvaluationHandler {

  @Override
  public void evaluate(EvaluationRequest request) {
    if (request.context().spanId() == null) {
      // the generation was not recorded (tracing off, or dropped): nowhere to attach a verdict
      return;
    }
    EvaluationRunner runner = JudgeEvaluations.runner();
    if (runner == null) {
      NoJudge.skip(request.criteria().size());
      return;
    }
    for (String name : request.criteria()) {
      Optional<Criterion> criterion = Criterion.builtIn(name);
      if (criterion.isEmpty()) {
        SdkLog.warnOnce("eval-unknown-" + name, "llmops-evals: unknown evaluation criterion '"
            + name + "' (built in: correctness, relevance, faithfulness, harmfulness); skipped");
        continue;
      }
      JudgeRequest judged = new JudgeRequest(criterion.get(), request.prompt(), request.response(),
          request.metadata().get("context"), request.metadata());
      runner.submit(judged, request.context(), request.spanId());
    }
  }
}
