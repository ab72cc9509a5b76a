package io.llmops.observability.evals.internal;

import io.llmops.observability.evals.Criterion;
import io.llmops.observability.evals.JudgeRequest;
import io.llmops.observability.spi.Redaction;

/**
 * A judge is a third party: everything a judge is handed (input, response, context, criterion
 * name, instructions and labels) passes the same redaction as exported traces ({@link
 * Redaction}, with the running configuration's {@code LLMOPS_REDACT_KEYS}). Internal.
 */
public final class JudgeRedaction {

  private JudgeRedaction() {}

  /** {@code request} with every text it would send redacted (its metadata is not sent). */
  public static JudgeRequest redact(JudgeRequest request) {
    Criterion criterion = request.criterion();
    Criterion redacted = new Criterion(Redaction.redact(criterion.name()),
        Redaction.redact(criterion.instructions()),
        criterion.labels().stream().map(Redaction::redact).toList(),
        criterion.requiresContext());
    return new JudgeRequest(redacted, Redaction.redact(request.input()),
        Redaction.redact(request.response()), Redaction.redact(request.context()),
        request.metadata());
  }
}
