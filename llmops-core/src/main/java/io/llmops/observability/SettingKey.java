package io.llmops.observability;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * One configuration variable: its names (the first is canonical; later ones are accepted
 * aliases), how its text is parsed and checked, and its default. The SDK's own settings and
 * those a module declares (see {@link SinkProvider#settings()}) are the same kind of key, read
 * with {@code LlmopsConfig.get(key)} from the same sources in the same order (explicit value,
 * system property, environment variable, {@code .env}, default), and rejected with the same
 * error: an {@code IllegalArgumentException} that names the variable, where it was set and what
 * it expects, never the value.
 *
 * <p><b>Absent values.</b> A key without a default ({@code defaultValue} null) reads as null when
 * its variable is not set; every other method takes and returns non-null values.
 *
 * <p><b>Exceptions.</b> The factories and {@link #withAliases} throw {@link
 * IllegalArgumentException} for invalid arguments, as each says; {@link #parse} throws it for text
 * the key rejects. The accessors never throw.
 *
 * <p><b>Threads.</b> Immutable and thread-safe; declare keys as constants and share them.
 *
 * <pre>{@code
 * public static final SettingKey<Integer> BATCH_SIZE =
 *     SettingKey.integer("LLMOPS_SQS_BATCH_SIZE", 1, 10, 10);
 * }</pre>
 *
 * @param <T> the type of the parsed value
 */
public final class SettingKey<T> {

  private final List<String> names;
  private final Function<String, @Nullable T> parser;
  private final String expectation;
  private final @Nullable T defaultValue;

  private SettingKey(List<String> names, Function<String, @Nullable T> parser, String expectation,
      @Nullable T defaultValue) {
    this.names = List.copyOf(names);
    this.parser = parser;
    this.expectation = expectation;
    this.defaultValue = defaultValue;
  }

  /**
   * A variable parsed by {@code parser}, which returns null (or throws) for text it rejects. The
   * parser gets the text trimmed, never null, and may be called from any thread.
   *
   * @param expectation what a valid value looks like, for error messages ("an integer from 1 to 10")
   * @param defaultValue the value when the variable is not set; null for none
   * @throws IllegalArgumentException when {@code name} is null or blank, or {@code parser} or
   *     {@code expectation} is null
   */
  public static <T> SettingKey<T> of(String name, Function<String, @Nullable T> parser,
      String expectation, @Nullable T defaultValue) {
    requireName(name, "name");
    if (parser == null) {
      throw new IllegalArgumentException("parser must not be null");
    }
    if (expectation == null) {
      throw new IllegalArgumentException("expectation must not be null");
    }
    return new SettingKey<>(List.of(name), parser, expectation, defaultValue);
  }

  /**
   * Non-empty text.
   *
   * @param defaultValue null for none
   * @throws IllegalArgumentException when {@code name} is null or blank, or {@code expectation}
   *     is null
   */
  public static SettingKey<String> text(String name, String expectation,
      @Nullable String defaultValue) {
    return of(name, raw -> raw.isEmpty() ? null : raw, expectation, defaultValue);
  }

  /**
   * {@code true/false}, {@code 1/0}, {@code yes/no}, {@code on/off}, in any case.
   *
   * @throws IllegalArgumentException when {@code name} is null or blank
   */
  public static SettingKey<Boolean> bool(String name, boolean defaultValue) {
    return of(name, SettingKey::parseBoolean, "true or false", defaultValue);
  }

  /**
   * A whole number from {@code min} to {@code max}.
   *
   * @throws IllegalArgumentException when {@code name} is null or blank
   */
  public static SettingKey<Integer> integer(String name, int min, int max, int defaultValue) {
    return of(name, raw -> {
      int value = Integer.parseInt(raw);
      return value >= min && value <= max ? value : null;
    }, "an integer from " + min + " to " + max, defaultValue);
  }

  /**
   * A whole number from {@code min} to {@code max}, as a long.
   *
   * @throws IllegalArgumentException when {@code name} is null or blank
   */
  public static SettingKey<Long> longInteger(String name, long min, long max, long defaultValue) {
    return of(name, raw -> {
      long value = Long.parseLong(raw);
      return value >= min && value <= max ? value : null;
    }, "an integer from " + min + " to " + max, defaultValue);
  }

  /**
   * A finite number of at least {@code min}.
   *
   * @throws IllegalArgumentException when {@code name} is null or blank
   */
  public static SettingKey<Double> decimal(String name, double min, double defaultValue) {
    return of(name, raw -> {
      double value = Double.parseDouble(raw);
      return Double.isFinite(value) && value >= min ? value : null;
    }, "a number >= " + min, defaultValue);
  }

  /**
   * Seconds as a decimal number, as the specification writes its timeouts.
   *
   * @param defaultValue null for none
   * @throws IllegalArgumentException when {@code name} is null or blank
   */
  public static SettingKey<Duration> seconds(String name, double min, double max,
      @Nullable Duration defaultValue) {
    return of(name, raw -> {
      double value = Double.parseDouble(raw);
      if (!Double.isFinite(value) || value < min || value > max) {
        return null;
      }
      return Duration.ofNanos(Math.round(value * 1_000_000_000d));
    }, "seconds from " + plain(min) + " to " + plain(max), defaultValue);
  }

  /**
   * Whole milliseconds.
   *
   * @param defaultValue null for none
   * @throws IllegalArgumentException when {@code name} is null or blank
   */
  public static SettingKey<Duration> millis(String name, long min, long max,
      @Nullable Duration defaultValue) {
    return of(name, raw -> {
      long value = Long.parseLong(raw);
      return value >= min && value <= max ? Duration.ofMillis(value) : null;
    }, "milliseconds from " + min + " to " + max, defaultValue);
  }

  /**
   * An {@code http} or {@code https} URL with a host.
   *
   * @param defaultValue null for none
   * @throws IllegalArgumentException when {@code name} is null or blank, or {@code expectation}
   *     is null
   */
  public static SettingKey<String> httpUrl(String name, String expectation,
      @Nullable String defaultValue) {
    return of(name, raw -> {
      java.net.URI uri = java.net.URI.create(raw);
      String scheme = uri.getScheme();
      boolean http = "http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme);
      return http && uri.getHost() != null ? raw : null;
    }, expectation, defaultValue);
  }

  /**
   * Comma-separated names, trimmed and lower-cased, empty entries dropped; default empty.
   *
   * @throws IllegalArgumentException when {@code name} is null or blank, or {@code expectation}
   *     is null
   */
  public static SettingKey<List<String>> nameList(String name, String expectation) {
    return of(name, raw -> {
      List<String> out = new ArrayList<>();
      for (String part : raw.split(",")) {
        String trimmed = part.trim();
        if (!trimmed.isEmpty()) {
          out.add(trimmed.toLowerCase(Locale.ROOT));
        }
      }
      return List.copyOf(out);
    }, expectation, List.of());
  }

  /**
   * One of an enum's constants, written in lower case with {@code -} for {@code _}, in any case.
   *
   * @param defaultValue null for none
   * @throws IllegalArgumentException when {@code name} is null or blank, or {@code type} is null
   */
  public static <E extends Enum<E>> SettingKey<E> choice(String name, Class<E> type,
      @Nullable E defaultValue) {
    if (type == null) {
      throw new IllegalArgumentException("type must not be null");
    }
    List<String> spelled = new ArrayList<>();
    for (E constant : type.getEnumConstants()) {
      spelled.add(spelling(constant));
    }
    return of(name, raw -> {
      for (E constant : type.getEnumConstants()) {
        if (spelling(constant).equals(raw.toLowerCase(Locale.ROOT))) {
          return constant;
        }
      }
      return null;
    }, String.join(", ", spelled), defaultValue);
  }

  /**
   * How {@link #choice} spells {@code constant}: {@code WRITE_AHEAD} is {@code write-ahead}.
   *
   * @throws IllegalArgumentException when {@code constant} is null
   */
  public static String spelling(Enum<?> constant) {
    if (constant == null) {
      throw new IllegalArgumentException("constant must not be null");
    }
    return constant.name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /**
   * A copy of this key, also read under {@code aliases} (checked after the names it already has).
   *
   * @throws IllegalArgumentException when {@code aliases} is null or holds a null or blank name
   */
  public SettingKey<T> withAliases(String... aliases) {
    if (aliases == null) {
      throw new IllegalArgumentException("aliases must not be null");
    }
    List<String> all = new ArrayList<>(names);
    for (int i = 0; i < aliases.length; i++) {
      requireName(aliases[i], "aliases[" + i + "]");
      all.add(aliases[i]);
    }
    return new SettingKey<>(all, parser, expectation, defaultValue);
  }

  /** The canonical name. */
  public String name() {
    return names.get(0);
  }

  /** All names, most specific first: within one source the first present name wins. */
  public List<String> names() {
    return names;
  }

  /** What a valid value looks like, as error messages say it. */
  public String expectation() {
    return expectation;
  }

  /** The value when the variable is not set; null when the key has none. */
  public @Nullable T defaultValue() {
    return defaultValue;
  }

  /**
   * Parses {@code raw}, found in {@code source} under {@code usedName}; never returns null.
   *
   * @throws IllegalArgumentException naming the variable, the source and what it expects (never
   *     the value, which may be a secret set in the wrong variable) when the text is rejected or
   *     null
   */
  public T parse(String source, String usedName, String raw) {
    if (raw == null) {
      throw new IllegalArgumentException(usedName + " (from " + source + "): expected "
          + expectation + ", but no value was set");
    }
    try {
      T value = parser.apply(raw.trim());
      if (value != null) {
        return value;
      }
    } catch (RuntimeException ignored) {
      // the uniform message below
    }
    throw new IllegalArgumentException(usedName + " (from " + source + "): expected " + expectation
        + ", but the value set (" + raw.length() + " characters) is not; values are never shown in errors");
  }

  @Override
  public String toString() {
    return name();
  }

  private static void requireName(String name, String field) {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException(field + " must not be null or blank");
    }
  }

  private static @Nullable Boolean parseBoolean(String raw) {
    switch (raw.toLowerCase(Locale.ROOT)) {
      case "true": case "1": case "yes": case "on":
        return Boolean.TRUE;
      case "false": case "0": case "no": case "off":
        return Boolean.FALSE;
      default:
        return null;
    }
  }

  private static String plain(double value) {
    return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
  }
}
