package io.llmops.observability.otlp.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.opentelemetry.api.common.AttributesBuilder;
import java.math.BigDecimal;
import org.jspecify.annotations.Nullable;

/**
 * A generation's link to the managed prompt it used: metadata {@code prompt.name} and {@code
 * prompt.version} (WIRE_FORMAT.md) as Langfuse's {@code langfuse.observation.prompt.name} and
 * {@code .version}. Langfuse reads them on generations only and drops the whole observation on
 * its legacy path when the version is not an integer, so both are sent, the version as an int
 * attribute, only when the name is text that is not blank and the version a whole number from 1
 * to {@link Integer#MAX_VALUE}; otherwise neither (the metadata entries still go out as metadata).
 */
final class PromptLinkAttributes {

  private static final BigDecimal LARGEST = BigDecimal.valueOf(Integer.MAX_VALUE);

  private PromptLinkAttributes() {}

  static void put(AttributesBuilder attributes, @Nullable JsonNode metadata) {
    if (metadata == null) {
      return;
    }
    String name = JsonValues.text(metadata, "prompt.name");
    JsonNode version = metadata.get("prompt.version");
    if (name == null || name.isBlank() || !isVersion(version)) {
      return;
    }
    attributes.put("langfuse.observation.prompt.name", name);
    attributes.put("langfuse.observation.prompt.version", version.longValue());
  }

  /** A JSON number with no fraction, from 1 to the largest int (3.0 counts, "3" and 3.5 do not). */
  private static boolean isVersion(@Nullable JsonNode version) {
    if (version == null || !version.isNumber() || !Double.isFinite(version.doubleValue())) {
      return false;
    }
    BigDecimal exact = version.decimalValue();
    return exact.signum() > 0 && exact.compareTo(LARGEST) <= 0
        && exact.stripTrailingZeros().scale() <= 0;
  }
}
