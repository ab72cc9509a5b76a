package io.llmops.observability.spi;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The value an annotation's {@code "key=value"} metadata entry records, read from the text after
 * {@code =} once per method (docs/AGENT.md states the rule), and the entries themselves; used by
 * {@link AnnotationRules} and {@link EvaluationSettings}, for the agent and Spring AOP alike. Only
 * text that names one value beyond doubt is typed; everything else stays the string written, so
 * nothing is lost. Thread-safe; never throws.
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
   * An annotation's {@code "key=value"} entries (its {@code metadata} or {@code
   * evaluationMetadata}), in the order written, key and value trimmed, the text after the first
   * {@code =} as the value; an entry without a key is skipped with a warning naming {@code where}
   * (the method) and {@code attribute}. Unmodifiable; null entries are read as none.
   */
  public static Map<String, String> entries(String[] written, String where, String attribute) {
    if (written == null || written.length == 0) {
      return Map.of();
    }
    Map<String, String> entries = new LinkedHashMap<>();
    for (String entry : written) {
      int equals = entry.indexOf('=');
      String key = equals < 0 ? "" : entry.substring(0, equals).trim();
      if (key.isEmpty()) {
        SdkLog.warn("llmops: " + where + ": " + attribute + " entry '" + entry
            + "' is not key=value; it is ignored");
        continue;
      }
      entries.put(key, entry.substring(equals + 1).trim());
    }
    return Collections.unmodifiableMap(entries);
  }

  /** The {@code metadata} {@link #entries}, each value {@link #typed}. Unmodifiable. */
  public static Map<String, Object> typedEntries(String[] written, String where) {
    Map<String, Object> typed = new LinkedHashMap<>();
    entries(written, where, "metadata").forEach((key, text) -> typed.put(key, typed(text)));
    return Collections.unmodifiableMap(typed);
  }

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
