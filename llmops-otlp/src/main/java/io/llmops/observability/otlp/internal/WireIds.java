package io.llmops.observability.otlp.internal;

import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * The W3C ids of the wire format's ids (docs/WIRE_FORMAT.md §2a): a trace id is its 32 hex
 * digits, dashes removed; a span id (a UUID) is the first 16 hex digits of its UUID, dashes
 * removed, and an id that already is 16 hex digits (a child segment's remote parent) stays as it
 * is. This is the rule the core's propagation uses for {@code traceparent}, so a span exported
 * here carries the id a called service already named as its parent. Ids of any other shape, and
 * all-zero ids (which W3C and Langfuse reject), map to null.
 */
public final class WireIds {

  private WireIds() {}

  /** The 32 lowercase hex digits of {@code traceId}, or null when it is not a usable id. */
  public static @Nullable String traceId(@Nullable String traceId) {
    String digits = hexDigits(traceId);
    return digits != null && digits.length() == 32 && !isZero(digits) ? digits : null;
  }

  /** The 16 lowercase hex digits naming {@code spanId}, or null when it is not a usable id. */
  public static @Nullable String spanId(@Nullable String spanId) {
    String digits = hexDigits(spanId);
    if (digits == null || (digits.length() != 32 && digits.length() != 16)) {
      return null;
    }
    String first = digits.substring(0, 16);
    return isZero(first) ? null : first;
  }

  /** The hex digits of a bare hex id or a UUID, lower case; null for anything else. */
  private static @Nullable String hexDigits(@Nullable String id) {
    if (id == null) {
      return null;
    }
    String lower = id.toLowerCase(Locale.ROOT);
    if (lower.length() == 36) {
      if (lower.charAt(8) != '-' || lower.charAt(13) != '-' || lower.charAt(18) != '-'
          || lower.charAt(23) != '-') {
        return null;
      }
      lower = lower.replace("-", "");
    }
    for (int i = 0; i < lower.length(); i++) {
      char c = lower.charAt(i);
      if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
        return null;
      }
    }
    return lower;
  }

  private static boolean isZero(String digits) {
    for (int i = 0; i < digits.length(); i++) {
      if (digits.charAt(i) != '0') {
        return false;
      }
    }
    return true;
  }
}
