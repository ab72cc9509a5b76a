package io.llmops.observability.spi;

import io.llmops.observability.internal.bridge.Bridge;
import org.jspecify.annotations.Nullable;

/**
 * The redaction every exported trace passes, for text a module hands to a third party other
 * than the sinks (an LLM judge, a remote evaluator): secret-shaped parts and values under
 * sensitive keys (the built-in list and the running configuration's {@code
 * LLMOPS_REDACT_KEYS}) masked. Thread-safe; never throws.
 */
public final class Redaction {

  private static final String MASK = "[REDACTED]";

  private Redaction() {}

  /**
   * {@code text} with what must not leave the process masked; the same instance when there is
   * nothing to mask; null for null. If redaction itself fails, the whole text is masked.
   */
  public static @Nullable String redact(@Nullable String text) {
    if (text == null || text.isEmpty()) {
      return text;
    }
    try {
      return Bridge.core().redact(text);
    } catch (RuntimeException | LinkageError e) {
      SdkLog.errorOnce("redaction", "llmops: redaction failed; the whole text is masked", e);
      return MASK;
    }
  }
}
