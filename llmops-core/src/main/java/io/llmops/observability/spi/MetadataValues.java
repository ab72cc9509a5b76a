package io.llmops.observability.spi;

import java.math.BigDecimal;
import java.util.regex.Pattern;

/**
 * The value an annotation's {@code "key=value"} metadata entry records, read from the text after
 * {@code =} once per method (docs/AGENT.md states the rule); used by the Spring Boot starter's
 * annotation interceptor (the agent holds the same rule in its own copy). Only text that names
 * one value beyond doubt is typed; everything else stays the string written, so nothing is
 * lost. Thread-safe; never throws.
 */
public final class MetadataValues {

  /** An integer as JSON and Java print it: no sign but minus, no leading zero, 1 to 12 digits. */
  private static final Pattern INTEGER = Pattern.compile("0|-?[1-9][0-9]{0,11}");

  /** A JSON number with a fraction, an exponent or both. */
  private static final Pattern DECIMAL =
      Pattern.compile("-?(0|[1-9][0-9]*)(\\.[0-9]+([eE][+-]?[0-9]+)?|[eE][+-]?[0-9]+)");

  /** Every decimal of this many significant digits survives the trip through a double. */
  private static final int DOUBLE_DIGITS = 15;

  private MetadataValues() {}

  /**
   * A Boolean, Long, Double or String for {@code text} (already trimmed).
   *
   * @throws IllegalArgumentException when {@code text} is null
   */
  public static Object typed(String text) {
    if (text == null) {
      throw new IllegalArgumentException("text must not be null");
    }
    if (text.equals("true") || text.equals("false")) {
      return Boolean.valueOf(text);
    }
    if (INTEGER.matcher(text).matches()) {
      return Long.valueOf(text);
    }
    if (DECIMAL.matcher(text).matches()) {
      Double number = decimal(text);
      return number != null ? number : text;
    }
    return quoted(text);
  }

  /**
   * The double of a decimal written with at most 15 significant digits and within a double's
   * normal range, so that it is exactly the number written; otherwise null.
   */
  private static Double decimal(String text) {
    BigDecimal exact;
    try {
      exact = new BigDecimal(text);
    } catch (NumberFormatException e) {
      return null; // an exponent beyond the int range
    }
    if (exact.signum() == 0) {
      return 0.0;
    }
    double value = exact.doubleValue();
    boolean inRange = Double.isFinite(value) && Math.abs(value) >= Double.MIN_NORMAL;
    return inRange && exact.stripTrailingZeros().precision() <= DOUBLE_DIGITS ? value : null;
  }

  /** The text between matching quotes ({@code "..."} or {@code '...'}), else the text itself. */
  private static String quoted(String text) {
    if (text.length() >= 2) {
      char first = text.charAt(0);
      if ((first == '"' || first == '\'') && text.charAt(text.length() - 1) == first) {
        return text.substring(1, text.length() - 1);
      }
    }
    return text;
  }
}
