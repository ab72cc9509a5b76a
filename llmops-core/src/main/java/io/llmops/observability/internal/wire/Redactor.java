package io.llmops.observability.internal.wire;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The one redaction mechanism for everything exported. Applied by {@link TraceJsonWriter} to
 * every object key and every string it writes: a value under a sensitive key is replaced whole,
 * and secret-shaped text inside any string, keys included, is masked. What is detected is listed
 * in docs/REDACTION.md.
 *
 * <p>Each string is read once by {@link TextFeatures}; only the detectors whose marker
 * characters it holds run, each in linear time, and all of them add to one {@link MaskedRanges}
 * that writes the result once. Internal.
 */
public final class Redactor {

  public static final String MASK = "[REDACTED]";

  /** Keys repeat across spans and traces (args, query, model...): decide each once. */
  private static final int MAX_CACHED_KEYS = 4_096;

  private final SensitiveKeys keys;
  private final KeyValueScanner keyValues;
  private final CommandLineFlags commandLine;
  private final Map<String, Boolean> keyDecisions = new ConcurrentHashMap<>();

  /** @param extraKeys further sensitive key fragments ({@code LLMOPS_REDACT_KEYS}) */
  public Redactor(List<String> extraKeys) {
    this.keys = new SensitiveKeys(extraKeys);
    this.keyValues = new KeyValueScanner(keys, this::isSensitiveKey);
    this.commandLine = new CommandLineFlags(this::isSensitiveKey);
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
    boolean sensitive = keys.isSensitive(key);
    if (keyDecisions.size() < MAX_CACHED_KEYS) {
      keyDecisions.put(key, sensitive);
    }
    return sensitive;
  }

  /**
   * {@code text} with its secret-shaped parts and the values under sensitive keys inside it
   * masked; the same instance when there is nothing to mask. Works on any text: a value, a map
   * key, a name.
   */
  public String redactText(String text) {
    if (text == null || text.isEmpty()) {
      return text;
    }
    if (PrivateKeyBlocks.isKeyBodyLine(text)) {
      return MASK;
    }
    long features = TextFeatures.of(text);
    MaskedRanges ranges = new MaskedRanges();
    SecretPatterns.find(text, features, ranges);
    keyValues.find(text, features, ranges);
    if (TextFeatures.hasAll(features, TextFeatures.DASH | TextFeatures.SPACE)) {
      commandLine.find(text, ranges);
    }
    return ranges.applyTo(text);
  }

  /**
   * {@code list} with the secrets that only show across its elements masked: the lines of a
   * private key handed over one line per element (every string after a BEGIN line up to its END
   * line), and the element after one naming a sensitive key ({@code ["Authorization",
   * "Bearer x"]}). The same list when there are none. Each string still goes through
   * {@link #redactText}.
   */
  public List<?> maskSecretElements(List<?> list) {
    return ListElements.mask(list, keys);
  }
}
