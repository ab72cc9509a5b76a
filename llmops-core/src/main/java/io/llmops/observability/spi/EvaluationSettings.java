package io.llmops.observability.spi;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * The evaluation attributes of one {@code @TrackLlmCall}, validated as the agent validates them
 * (docs/AGENT.md, "Attributes"): {@code evaluation = true} adds {@code correctness} to {@code
 * evals}, a {@code sampleRate} outside 0..1 is clamped with a warning, {@code
 * evaluationMetadata} entries are {@code key=value} strings (trimmed; one without a key is
 * skipped with a warning). Immutable.
 *
 * @param criteria the criteria to evaluate, unmodifiable; empty for none
 * @param sampleRate the share of calls handed over, 0 to 1
 * @param metadata the {@code evaluationMetadata} entries, unmodifiable
 */
public record EvaluationSettings(List<String> criteria, double sampleRate,
    Map<String, String> metadata) {

  /** No evaluation: what every annotation other than {@code @TrackLlmCall} has. */
  public static final EvaluationSettings NONE = new EvaluationSettings(List.of(), 1.0, Map.of());

  /**
   * Reads the annotation's attributes; {@code where} names the method in warnings. Never
   * throws for the annotation's values (nulls are read as the attributes' defaults).
   */
  public static EvaluationSettings read(String where, String[] evals, boolean evaluation,
      double sampleRate, String[] metadata) {
    List<String> criteria = new ArrayList<>(Arrays.asList(evals == null ? new String[0] : evals));
    if (evaluation && !criteria.contains("correctness")) {
      criteria.add("correctness");
    }
    double rate = sampleRate;
    if (!(rate >= 0.0 && rate <= 1.0)) {
      rate = rate > 1.0 ? 1.0 : 0.0;
      SdkLog.warn("llmops: " + where + " has sampleRate " + sampleRate
          + ", outside 0.0..1.0; using " + rate);
    }
    return new EvaluationSettings(Collections.unmodifiableList(criteria), rate,
        MetadataValues.entries(metadata, where, "evaluationMetadata"));
  }

  /** Whether any criterion is asked for. */
  public boolean any() {
    return !criteria.isEmpty();
  }
}
