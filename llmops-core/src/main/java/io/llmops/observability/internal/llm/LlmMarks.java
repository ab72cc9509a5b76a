package io.llmops.observability.internal.llm;

/**
 * Metadata keys by which a generation span says what it was given but did not keep, each with
 * the value {@code true} or a reason. Internal.
 */
public final class LlmMarks {

  /** A token count below 0 or above {@code Usage.MAX_PLAUSIBLE_TOKENS}: the span has no usage. */
  public static final String USAGE_IMPLAUSIBLE = "llm.usage_implausible";
  /** A cost that is not finite or above {@code Cost.MAX_PLAUSIBLE_USD}: the span has no cost. */
  public static final String COST_IMPLAUSIBLE = "llm.cost_implausible";
  /** Why the response was not read whole (see {@code LlmResponse.incomplete()}). */
  public static final String RESPONSE_INCOMPLETE = "llm.response_incomplete";

  /** Counters: usage and costs left out, and responses recorded without being read whole. */
  public static final String USAGE_DROPPED_COUNTER = "dropped.llm_usage_implausible";
  public static final String COST_DROPPED_COUNTER = "dropped.llm_cost_implausible";
  /** Followed by the reason, e.g. {@code llm.responses_incomplete.too_large}. */
  public static final String INCOMPLETE_COUNTER_PREFIX = "llm.responses_incomplete.";

  private LlmMarks() {}
}
