package io.llmops.observability.internal.wire;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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

  /**
   * A key containing a sensitive word. It may only start where a run of key characters starts
   * (the lookbehind) and its tail is bounded: without both, a long run of letters or digits
   * (base64, hex) costs quadratic time.
   */
  private static final String KEY_WORDS =
      "(?<![A-Za-z0-9_.-])[A-Za-z0-9_.-]*(?:password|passwd|secret|token|api[_-]?key|apikey|"
          + "authorization|cookie|credential|private[_-]?key|access[_-]?key|signature)"
          + "[A-Za-z0-9_.-]{0,64}";

  /**
   * Secret-shaped text. Group names say which kind matched; the replacement keeps the non-secret
   * part (a URL's host, a parameter's name) so the exported text stays readable.
   */
  private static final Pattern SECRETS = Pattern.compile(
      "(?<pem>-----BEGIN [A-Z0-9 ]*PRIVATE KEY-----[\\s\\S]*?(?:-----END [A-Z0-9 ]*PRIVATE KEY-----|$))"
          + "|(?<bearer>(?:(?i:\\bbearer)|\\bBasic)\\s+(?=[A-Za-z0-9\\-._~+/]*[0-9\\-._~+/=])[A-Za-z0-9\\-._~+/]{8,}=*)"
          + "|(?<jwt>\\beyJ[A-Za-z0-9_-]{4,}\\.[A-Za-z0-9_-]{4,}\\.[A-Za-z0-9_-]{4,})"
          + "|(?<aws>\\b(?:AKIA|ASIA|ABIA|ACCA|AGPA|AIDA|AROA|ANPA|ANVA|AIPA)[A-Z0-9]{16}\\b)"
          + "|(?<sk>\\b(?:sk|pk|rk)-(?:[A-Za-z0-9]+-)*[A-Za-z0-9_-]{16,})"
          + "|(?<vendor>\\b(?:gh[pousr]_[A-Za-z0-9]{20,}|xox[abposr]-[A-Za-z0-9-]{10,}|AIza[0-9A-Za-z_-]{35}|glpat-[A-Za-z0-9_-]{20,})\\b)"
          + "|(?<urlcred>(?<scheme>(?<![A-Za-z0-9+.-])[A-Za-z][A-Za-z0-9+.-]*://)[^/\\s:@]+:[^/\\s@]+@)"
          + "|(?<kv>(?<key>" + KEY_WORDS + ")(?<sep>\\s*[=:]\\s*|\"\\s*:\\s*\")(?<val>\"[^\"]*\"|'[^']*'|[^\\s&,;\"'#]+))");

  private final List<String> extraKeys;

  /** @param extraKeys further sensitive key fragments ({@code LLMOPS_REDACT_KEYS}) */
  public Redactor(List<String> extraKeys) {
    this.extraKeys = extraKeys.stream().map(Redactor::normalise).filter(k -> !k.isEmpty()).toList();
  }

  /** Whether a value stored under {@code key} must be replaced whole. */
  public boolean isSensitiveKey(String key) {
    if (key == null || key.isEmpty()) {
      return false;
    }
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

  /** Masks secret-shaped parts of {@code text}. */
  public String redactText(String text) {
    if (text == null || text.length() < 8) {
      return text;
    }
    Matcher m = SECRETS.matcher(text);
    if (!m.find()) {
      return text;
    }
    StringBuilder out = new StringBuilder(text.length());
    int last = 0;
    do {
      String replacement = replacement(m);
      if (replacement != null) {
        out.append(text, last, m.start()).append(replacement);
        last = m.end();
      }
    } while (m.find());
    return out.append(text, last, text.length()).toString();
  }

  private String replacement(Matcher m) {
    if (m.group("urlcred") != null) {
      return m.group("scheme") + MASK + "@";
    }
    if (m.group("kv") != null) {
      String key = m.group("key");
      if (!isSensitiveKey(key)) {
        return null;
      }
      String val = m.group("val");
      String quote = val.startsWith("\"") || val.startsWith("'") ? val.substring(0, 1) : "";
      return key + m.group("sep") + quote + MASK + quote;
    }
    if (m.group("bearer") != null) {
      String matched = m.group("bearer");
      int space = matched.indexOf(' ');
      return matched.substring(0, space + 1) + MASK;
    }
    return MASK;
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
