package io.llmops.observability;

import java.lang.reflect.Array;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The verdict of an evaluation (a rule engine, an offline scorer, a judge model): a score, a
 * label and a rationale, at least one of them. Immutable; validated by {@link Builder#build()}.
 * Record it with {@link Builder#record()} (the specification's {@code record_evaluation} with
 * keyword arguments), or build it and pass it to {@link Llmops#recordEvaluation(Evaluation)}.
 *
 * <pre>{@code
 * Evaluation.builder()
 *     .name("status_service_eval")
 *     .score(healthy ? 1.0 : 0.0)
 *     .label(healthy ? "healthy" : "unhealthy")
 *     .rationale("HTTP and payload checks passed.")
 *     .evaluatorMetadata(Map.of("method", "rules_v1"))
 *     .record();
 * }</pre>
 *
 * <p>Immutable and thread-safe. {@link Builder} is not thread-safe.
 */
public final class Evaluation {

  /** Span name used when no name is given. */
  public static final String DEFAULT_NAME = "evaluation";
  /** Key of the payload in the span's {@code input_data}. */
  public static final String INPUT_KEY = "evaluation";
  /** Key of the evaluator metadata in the span's {@code metadata}. */
  public static final String METADATA_KEY = "evaluator";

  private final String name;
  private final @Nullable Double score;
  private final @Nullable String label;
  private final @Nullable String rationale;
  private final @Nullable String evaluatedSpanId;
  private final Map<String, Object> evaluatorMetadata;
  private final @Nullable LlmopsContext parent;

  private Evaluation(Builder b) {
    this.name = b.name;
    this.score = b.score;
    this.label = b.label;
    this.rationale = b.rationale;
    this.evaluatedSpanId = b.evaluatedSpanId;
    this.evaluatorMetadata = b.evaluatorMetadata;
    this.parent = b.parent;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** The span name, never blank. */
  public String name() {
    return name;
  }

  /** The score, or null when none was given. */
  public @Nullable Double score() {
    return score;
  }

  /** The label, or null when none was given. */
  public @Nullable String label() {
    return label;
  }

  /** The rationale, or null when none was given. */
  public @Nullable String rationale() {
    return rationale;
  }

  /** The id of the span being judged, or null when none was given. */
  public @Nullable String evaluatedSpanId() {
    return evaluatedSpanId;
  }

  /** The evaluator metadata (a copy; empty when none was given). */
  public Map<String, Object> evaluatorMetadata() {
    return evaluatorMetadata;
  }

  /** The context to record under, or null for the caller's current context. */
  public @Nullable LlmopsContext parent() {
    return parent;
  }

  /**
   * Collects and validates an {@link Evaluation}: {@link #evaluatorMetadata} checks its argument
   * at once, {@link #build()} checks the rest; both throw {@link IllegalArgumentException}
   * naming the field. The other setters never throw.
   *
   * <p>Not thread-safe: fill and build it on one thread.
   */
  public static final class Builder {

    private @Nullable String name = DEFAULT_NAME;
    private @Nullable Double score;
    private @Nullable String label;
    private @Nullable String rationale;
    private @Nullable String evaluatedSpanId;
    private Map<String, Object> evaluatorMetadata = Map.of();
    private @Nullable LlmopsContext parent;

    private Builder() {}

    /**
     * The span name; default {@value Evaluation#DEFAULT_NAME}. {@link #build()} rejects a null
     * or blank one.
     */
    public Builder name(String value) {
      name = value;
      return this;
    }

    /** A numeric score; must be finite. Null clears it. */
    public Builder score(@Nullable Double value) {
      score = value;
      return this;
    }

    /** A categorical label; must not be blank. Null clears it. */
    public Builder label(@Nullable String value) {
      label = value;
      return this;
    }

    /** The reason for the verdict; must not be blank. Null clears it. */
    public Builder rationale(@Nullable String value) {
      rationale = value;
      return this;
    }

    /**
     * The id of the span being judged (for example a generation's span id); must not be blank.
     * Null clears it.
     */
    public Builder evaluatedSpanId(@Nullable String value) {
      evaluatedSpanId = value;
      return this;
    }

    /**
     * Details of the evaluator (judge model, rule set, version), recorded as {@code
     * metadata.evaluator}. Keys must be strings; values strings, numbers (finite), booleans,
     * null, or lists, arrays and maps of those. Copied now; null means none.
     *
     * @throws IllegalArgumentException when a key is not a string, a value is of another type or
     *     a non-finite number, or the nesting is deeper than 16 (the message names the entry)
     */
    public Builder evaluatorMetadata(@Nullable Map<?, ?> value) {
      evaluatorMetadata = value == null ? Map.of() : copyMetadata(value);
      return this;
    }

    /**
     * Records under {@code context} (for example a generation's context captured before work
     * moved to another thread) instead of the context current when recording. Null means the
     * context current when recording.
     */
    public Builder parent(@Nullable LlmopsContext context) {
      parent = context;
      return this;
    }

    /**
     * Validates the evaluation and records it: {@code Llmops.recordEvaluation(build())}; nothing
     * is recorded when it is invalid.
     *
     * @return the evaluation span's id, or null when there is no active trace or tracing is off
     * @throws IllegalArgumentException as {@link #build()} says
     */
    public @Nullable String record() {
      return Llmops.recordEvaluation(build());
    }

    /**
     * Validates and returns the evaluation.
     *
     * @throws IllegalArgumentException when the name is null or blank, none of score, label and
     *     rationale is given, the score is not finite, or the label, rationale or evaluated span
     *     id is blank (the message names the field, never its value)
     */
    public Evaluation build() {
      if (name == null || name.isBlank()) {
        throw new IllegalArgumentException("name must not be empty");
      }
      if (score == null && label == null && rationale == null) {
        throw new IllegalArgumentException("at least one of score, label or rationale is required");
      }
      if (score != null && !Double.isFinite(score)) {
        throw new IllegalArgumentException("score must be a finite number");
      }
      if (label != null && label.isBlank()) {
        throw new IllegalArgumentException("label must not be empty");
      }
      if (rationale != null && rationale.isBlank()) {
        throw new IllegalArgumentException("rationale must not be empty");
      }
      if (evaluatedSpanId != null && evaluatedSpanId.isBlank()) {
        throw new IllegalArgumentException("evaluatedSpanId must not be empty");
      }
      return new Evaluation(this);
    }

    private static Map<String, Object> copyMetadata(Map<?, ?> value) {
      Map<String, Object> copy = new LinkedHashMap<>();
      value.forEach((key, item) -> {
        if (!(key instanceof String text)) {
          throw new IllegalArgumentException("evaluatorMetadata keys must be strings, got "
              + (key == null ? "null" : key.getClass().getName()));
        }
        checkValue("evaluatorMetadata." + text, item, 0);
        copy.put(text, item);
      });
      return Collections.unmodifiableMap(copy);
    }

    private static void checkValue(String path, @Nullable Object value, int depth) {
      if (depth > 16) {
        throw new IllegalArgumentException(path + " is nested too deeply");
      }
      if (value == null || value instanceof String || value instanceof Boolean
          || value instanceof Character) {
        return;
      }
      if (value instanceof Number number) {
        if ((value instanceof Double || value instanceof Float)
            && !Double.isFinite(number.doubleValue())) {
          throw new IllegalArgumentException(path + " must be a finite number");
        }
        return;
      }
      if (value instanceof Map<?, ?> map) {
        for (Map.Entry<?, ?> entry : map.entrySet()) {
          if (!(entry.getKey() instanceof String key)) {
            throw new IllegalArgumentException(path + " keys must be strings");
          }
          checkValue(path + "." + key, entry.getValue(), depth + 1);
        }
        return;
      }
      if (value instanceof Collection<?> items) {
        for (Object item : items) {
          checkValue(path + "[]", item, depth + 1);
        }
        return;
      }
      if (value.getClass().isArray()) {
        for (int i = 0, n = Array.getLength(value); i < n; i++) {
          checkValue(path + "[]", Array.get(value, i), depth + 1);
        }
        return;
      }
      throw new IllegalArgumentException(path + " must be a string, number, boolean, null, list,"
          + " array or map; got " + value.getClass().getName());
    }
  }
}
