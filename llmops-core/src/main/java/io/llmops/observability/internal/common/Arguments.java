package io.llmops.observability.internal.common;

/**
 * Argument checks of the public API: an invalid argument raises {@link IllegalArgumentException}
 * naming the parameter (never {@code NullPointerException}, never quoting the value). Internal.
 */
public final class Arguments {

  private Arguments() {}

  /** {@code value}, or IllegalArgumentException "{@code name} must not be null". */
  public static <T> T requireNonNull(T value, String name) {
    if (value == null) {
      throw new IllegalArgumentException(name + " must not be null");
    }
    return value;
  }

  /** {@code value}, or IllegalArgumentException when it is null or blank. */
  public static String requireNonBlank(String value, String name) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(name + " must not be null or blank");
    }
    return value;
  }

  /** {@code values}, or IllegalArgumentException when the array or one of its elements is null. */
  public static <T> T[] requireNoNulls(T[] values, String name) {
    requireNonNull(values, name);
    for (int i = 0; i < values.length; i++) {
      if (values[i] == null) {
        throw new IllegalArgumentException(name + "[" + i + "] must not be null");
      }
    }
    return values;
  }
}
