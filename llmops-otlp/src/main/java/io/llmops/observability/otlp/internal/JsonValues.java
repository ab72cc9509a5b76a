package io.llmops.observability.otlp.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.math.RoundingMode;
import org.jspecify.annotations.Nullable;

/** Reading the trace JSON's fields: text, numbers, times, and values back to JSON text. */
final class JsonValues {

  /** Decimals read exactly, so that epoch seconds keep their microseconds. */
  static final ObjectMapper MAPPER =
      new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

  private JsonValues() {}

  /** The text of {@code field}, or null when it is absent, null or not a string. */
  static @Nullable String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value != null && value.isTextual() ? value.textValue() : null;
  }

  /** {@code field} when it is present and not null, else null. */
  static @Nullable JsonNode present(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value == null || value.isNull() || value.isMissingNode() ? null : value;
  }

  /** A non-negative integer count, or 0. */
  static long count(@Nullable JsonNode node, String field) {
    JsonNode value = node == null ? null : node.get(field);
    return value != null && value.isIntegralNumber() && value.longValue() > 0 ? value.longValue() : 0;
  }

  /**
   * Epoch seconds (with fraction) as epoch nanoseconds, rounded to the microsecond the wire
   * format keeps.
   *
   * @throws IllegalArgumentException naming {@code field} when it is not a non-negative number
   */
  static long epochNanos(JsonNode node, String field, String where) {
    JsonNode value = node.get(field);
    if (value == null || !value.isNumber() || value.decimalValue().signum() < 0) {
      throw new IllegalArgumentException(where + field + " must be a non-negative number");
    }
    BigDecimal micros = value.decimalValue().movePointRight(6).setScale(0, RoundingMode.HALF_UP);
    return micros.longValueExact() * 1_000L;
  }

  /** {@code value} as JSON text. */
  static String json(JsonNode value) {
    try {
      return MAPPER.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      // a tree read from JSON always writes back; keep the conversion total all the same
      return "null";
    }
  }
}
