package io.llmops.observability.evals.internal;

import io.llmops.observability.evals.Criterion;
import io.llmops.observability.evals.JudgeRequest;
import io.llmops.observability.internal.engine.Tracer;
import io.llmops.observability.internal.wire.Redactor;
import java.util.List;

/**
 * A judge is a third party: everything a judge is handed (input, response, context, criterion
 * name, instructions and labels) passes the same redaction as exported traces, a {@link
 * Redactor} of the running configuration's {@code LLMOPS_REDACT_KEYS}. Internal.
 */
public final class JudgeRedaction {

  /** The redactor of the last configuration seen, rebuilt when its keys change. */
  private static volatile Keyed current;

  private record Keyed(List<String> keys, Redactor redactor) {}

  private JudgeRedaction() {}

  /** {@code request} with every text it would send redacted (its metadata is not sent). */
  public static JudgeRequest redact(JudgeRequest request) {
    Redactor redactor = redactor();
    Criterion criterion = request.criterion();
    Criterion redacted = new Criterion(redactor.redactText(criterion.name()),
        redactor.redactText(criterion.instructions()),
        criterion.labels().stream().map(redactor::redactText).toList(),
        criterion.requiresContext());
    return new JudgeRequest(redacted, redactor.redactText(request.input()),
        redactor.redactText(request.response()), redactor.redactText(request.context()),
        request.metadata());
  }

  private static Redactor redactor() {
    List<String> keys = Tracer.get().config().redactKeys();
    Keyed keyed = current;
    if (keyed == null || !keyed.keys().equals(keys)) {
      keyed = new Keyed(keys, new Redactor(keys));
      current = keyed;
    }
    return keyed.redactor();
  }
}
