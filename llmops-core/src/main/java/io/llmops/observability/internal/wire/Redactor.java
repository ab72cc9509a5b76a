package io.llmops.observability.internal.wire;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The one redaction mechanism for everything exported. Applied by {@link TraceJsonWriter} to
 * every object key and every string it writes: a value under a sensitive key is replaced whole,
 * and secret-shaped text inside any string is masked. Internal.
 */
public final class Redactor {

  public static final String MASK = "[REDACTED]";

  /** Sensitive when the normalised key contains one of these. */
  private static final List<String> SENSITIVE_PARTS = List.of(
      "password", "passwd", "passphrase", "secret", "apikey", "authorization", "cookie",
      "privatekey", "credential", "accesskey", "sessiontoken", "accesstoken", "refreshtoken",
      "idtoken", "bearer", "signature", "xapikey");
  /** Sensitive when the normalised key is, or ends with, one of these. */
  private static final List<String> SENSITIVE_ENDINGS = List.of("token", "auth", "pwd", "apitoken");

  /** Keys repeat across spans and traces (args, query, model...): decide each once. */
  private static final int MAX_CACHED_KEYS = 4_096;

  private final List<String> extraKeys;
  private final KeyValueScanner keyValues;
  private final Map<String, Boolean> keyDecisions = new ConcurrentHashMap<>();

  /** @param extraKeys further sensitive key fragments ({@code LLMOPS_REDACT_KEYS}) */
  public Redactor(List<String> extraKeys) {
    this.extraKeys = extraKeys.stream().map(Redactor::normalise).filter(k -> !k.isEmpty()).toList();
    List<String> rawFragments = extraKeys.stream()
        .map(k -> k.toLowerCase(Locale.ROOT).trim()).filter(k -> !k.isEmpty()).toList();
    this.keyValues = new KeyValueScanner(rawFragments, this::isSensitiveKey);
  }

  /** Whether a value stored under {@code key} must be replaced whole. */
  public boolean isSensitiveKey(String key) {
    if (key == null || key.isEmpty()) {
      return false;
    }
    Boolean known = keyDecisions.get(key);
    if (known != null) {
      return known;
    }
    boolean sensitive = decide(key);
    if (keyDecisions.size() < MAX_CACHED_KEYS) {
      keyDecisions.put(key, sensitive);
    }
    return sensitive;
  }

  private boolean decide(String key) {
    String k = normalise(key);
    if (k.endsWith("tokens") || k.endsWith("tokencount")) {
      return false; // token counts (input_tokens, max_tokens) are usage, not secrets
    }
    for (String part : SENSITIVE_PARTS) {
      if (k.contains(part)) {
        return true;
      }
    }
    for (String ending : SENSITIVE_ENDINGS) {
      if (k.endsWith(ending)) {
        return true;
      }
    }
    for (String extra : extraKeys) {
      if (k.contains(extra)) {
        return true;
      }
    }
    return false;
  }

  /** Masks secret-shaped parts of {@code text} and values under sensitive keys inside it. */
  public String redactText(String text) {
    if (text == null || text.length() < 8) {
      return text;
    }
    return keyValues.mask(SecretPatterns.mask(text));
  }

  static String normalise(String key) {
    StringBuilder out = new StringBuilder(key.length());
    for (int i = 0; i < key.length(); i++) {
      char c = key.charAt(i);
      if (Character.isLetterOrDigit(c)) {
        out.append(Character.toLowerCase(c));
      }
    }
    return out.toString().toLowerCase(Locale.ROOT);
  }
}
