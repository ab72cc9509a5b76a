package io.llmops.observability.internal.wire;

import io.llmops.observability.internal.capture.CaptureLimits;
import io.llmops.observability.internal.capture.TruncatedText;
import io.llmops.observability.internal.common.Counters;

/**
 * Every string and key the JSON writer exports passes through here: redacted first, then cut
 * to its limit (never the other way round), and never exported unredacted when redaction fails.
 * Internal.
 */
final class ExportText {

  static final String REDACTION_FAILED = "[REDACTION_FAILED]";

  /** A string already redacted and cut: written as it is. */
  record Redacted(String text) {}

  private final Redactor redactor;
  private final Counters counters;

  ExportText(Redactor redactor, Counters counters) {
    this.redactor = redactor;
    this.counters = counters;
  }

  /** Redacts text; if redaction itself fails the text is replaced, never exported as is. */
  String redact(String text) {
    try {
      return redactor.redactText(text);
    } catch (RuntimeException | StackOverflowError e) {
      counters.increment(Counters.REDACTION_FAILURES);
      return REDACTION_FAILED;
    }
  }

  /** A captured value that is written as text: a cut string keeps its truncation note. */
  String text(Object value) {
    if (value instanceof TruncatedText t) {
      return RedactedCut.cut(t.kept(), t.limit(), this::redact) + t.note();
    }
    return redact(String.valueOf(value));
  }

  /** {@code text} redacted, then cut to {@code limit} characters followed by {@code note}. */
  String cut(String text, int limit, String note) {
    if (text == null) {
      return null;
    }
    String out = RedactedCut.cut(text, limit, this::redact);
    return RedactedCut.cuts(text, limit) ? out + note : out;
  }

  /** An object key as exported: secret-shaped parts masked like any text, then cut. */
  String key(String key) {
    return cut(key, CaptureLimits.MAX_KEY_CHARS, "…");
  }

  /**
   * {@code list} with the elements that are secret because of their neighbours masked (the
   * lines of a private key handed over one per element, the value after a sensitive name).
   */
  java.util.List<?> maskSecretElements(java.util.List<?> list) {
    return redactor.maskSecretElements(list);
  }

  /** Whether the value under {@code key} is replaced whole. */
  boolean isSensitiveKey(String key) {
    return redactor.isSensitiveKey(key);
  }
}
