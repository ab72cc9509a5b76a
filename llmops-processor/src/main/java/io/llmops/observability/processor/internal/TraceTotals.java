package io.llmops.observability.processor.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Token and cost totals of a merged trace. Each segment counts the larger of what it declares
 * and what its spans add up to: a segment cut down to fit its message keeps the totals of the
 * spans it dropped (docs/WIRE_FORMAT.md §4), and a Python segment may declare none.
 */
public final class TraceTotals {

  private static final String[][] TOKENS = {
      {"total_input_tokens", "input_tokens"},
      {"total_output_tokens", "output_tokens"},
      {"total_tokens", "total_tokens"}};

  private final long[] tokens = new long[TOKENS.length];
  private double cost;

  /** Adds one segment's totals. */
  public void add(JsonNode segment) {
    JsonNode spans = segment.path("spans");
    for (int i = 0; i < TOKENS.length; i++) {
      long fromSpans = 0;
      for (JsonNode span : spans) {
        fromSpans = saturatedAdd(fromSpans, count(span.path("usage").path(TOKENS[i][1])));
      }
      long declared = count(segment.path("token_usage").path(TOKENS[i][0]));
      tokens[i] = saturatedAdd(tokens[i], Math.max(declared, fromSpans));
    }
    double fromSpans = 0;
    for (JsonNode span : spans) {
      fromSpans += money(span.path("cost").path("total_cost"));
    }
    cost += Math.max(money(segment.path("cost").path("total_cost")), fromSpans);
  }

  /** Writes the totals into {@code trace}. */
  public void writeTo(ObjectNode trace) {
    ObjectNode usage = trace.putObject("token_usage");
    for (int i = 0; i < TOKENS.length; i++) {
      usage.put(TOKENS[i][0], tokens[i]);
    }
    trace.putObject("cost").put("total_cost", cost);
  }

  private static long count(JsonNode value) {
    return value.canConvertToLong() && value.asLong() > 0 ? value.asLong() : 0;
  }

  /** Cost that is not a finite, non-negative number is left out, as the SDK does. */
  private static double money(JsonNode value) {
    double amount = value.isNumber() ? value.asDouble() : 0;
    return Double.isFinite(amount) && amount > 0 ? amount : 0;
  }

  private static long saturatedAdd(long a, long b) {
    long sum = a + b;
    return sum < 0 ? Long.MAX_VALUE : sum;
  }
}
