package io.llmops.examples.rag;

import io.llmops.observability.Evaluation;
import io.llmops.observability.TrackFunction;
import io.llmops.observability.TrackTransaction;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;

/**
 * What happens to an answer before it is returned: a rule-based quality check recorded as an
 * evaluation, and a transaction that logs it.
 */
final class AnswerChecks {

  private static final Pattern YEAR = Pattern.compile("\\b(19|20)\\d{2}\\b");

  private final List<String> log = new CopyOnWriteArrayList<>();

  /** Scores the answer by whether it states a year found in the retrieved context. */
  @TrackFunction(name = "check_answer")
  boolean check(String answer, String context) {
    var year = YEAR.matcher(answer);
    boolean grounded = year.find() && context.contains(year.group());
    Evaluation.builder()
        .name("groundedness")
        .score(grounded ? 1.0 : 0.0)
        .label(grounded ? "grounded" : "ungrounded")
        .rationale(grounded ? "The answer states a year that the retrieved context contains."
            : "The answer states no year from the retrieved context.")
        .evaluatorMetadata(Map.of("method", "rules_v1"))
        .record();
    return grounded;
  }

  /** Stands in for a call to a transaction logger. */
  @TrackTransaction(name = "log_answer", metadata = "component=transaction_logger")
  int record(String answer) {
    log.add(answer);
    return log.size();
  }
}
