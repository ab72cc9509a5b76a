package io.llmops.observability.internal.wire;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Decides whether a key names a secret. The key is compared in two forms: squashed (letters and
 * digits only, lower case: {@code X-Api-Key} is {@code xapikey}) and split into words (at
 * punctuation and camel case: {@code dbPass} is {@code db pass}). The lists follow Sentry's
 * default data scrubbing and the key names gitleaks looks for. Internal.
 */
final class SensitiveKeys {

  /** Sensitive when the squashed key contains one of these. */
  private static final List<String> PARTS = List.of(
      "password", "passwd", "passphrase", "secret", "apikey", "authorization", "authkey",
      "cookie", "privatekey", "credential", "accesskey", "accountkey", "storagekey",
      "subscriptionkey", "encryptionkey", "signingkey", "masterkey", "sharedkey", "hmackey",
      "sessiontoken", "accesstoken", "refreshtoken", "idtoken", "bearer", "signature", "csrf",
      "xsrf", "jsessionid", "phpsessid", "connectsid", "cardnumber", "creditcard", "cvv", "cvc");
  /** Sensitive when the squashed key ends with one of these. */
  private static final List<String> ENDINGS = List.of("token", "auth", "pwd");
  /** Sensitive when the key's last word is one of these ({@code db_pass}, {@code sig}). */
  private static final List<String> LAST_WORDS = List.of("pass", "pw", "sig");
  /**
   * A piece, as written in any case, of every key the lists above accept: a key without one is
   * not sensitive and needs no closer look. ({@code pass} covers password, passwd, passphrase;
   * {@code key} every *key part; {@code pw} pwd; {@code sid} connect.sid.)
   */
  private static final List<String> FRAGMENTS = List.of(
      "pass", "pw", "secret", "key", "auth", "cookie", "credential", "token", "bearer", "sig",
      "csrf", "xsrf", "sessid", "sessionid", "sid", "card", "cvv", "cvc");
  /** {@link #FRAGMENTS} by their first letter, 'a' to 'z'. */
  private static final String[][] FRAGMENTS_BY_LETTER = new String[26][];

  static {
    for (char c = 'a'; c <= 'z'; c++) {
      char first = c;
      FRAGMENTS_BY_LETTER[c - 'a'] =
          FRAGMENTS.stream().filter(f -> f.charAt(0) == first).toArray(String[]::new);
    }
  }

  private final List<String> extraParts;

  /** @param extraKeys further key fragments ({@code LLMOPS_REDACT_KEYS}), any spelling */
  SensitiveKeys(List<String> extraKeys) {
    List<String> parts = new ArrayList<>();
    for (String key : extraKeys) {
      String squashed = squash(key);
      if (!squashed.isEmpty()) {
        parts.add(squashed);
      }
    }
    this.extraParts = List.copyOf(parts);
  }

  boolean isSensitive(String key) {
    String k = squash(key);
    if (k.isEmpty() || k.endsWith("tokens") || k.endsWith("tokencount")) {
      return false; // token counts (input_tokens, max_tokens) are usage, not secrets
    }
    return containsAny(k, PARTS) || containsAny(k, extraParts) || endsWithAny(k, ENDINGS)
        || LAST_WORDS.contains(lastWord(key));
  }

  /**
   * Whether the key written at {@code [start, end)} of {@code text} may be sensitive, read in
   * place: most keys in ordinary text ("Note:", "12:30") are dismissed without a copy. Always true
   * when {@code LLMOPS_REDACT_KEYS} names keys, which are matched on the squashed key.
   */
  boolean mayBeSensitive(String text, int start, int end) {
    if (end - start < 2) {
      return false;
    }
    if (!extraParts.isEmpty()) {
      return true;
    }
    for (int i = start; i < end; i++) {
      char c = (char) (text.charAt(i) | 0x20); // ASCII lower case
      if (c < 'a' || c > 'z') {
        continue;
      }
      for (String fragment : FRAGMENTS_BY_LETTER[c - 'a']) {
        if (i + fragment.length() <= end && text.regionMatches(true, i, fragment, 0, fragment.length())) {
          return true;
        }
      }
    }
    return false;
  }

  /** Letters and digits of {@code key}, lower case. */
  static String squash(String key) {
    StringBuilder out = new StringBuilder(key.length());
    for (int i = 0; i < key.length(); i++) {
      char c = key.charAt(i);
      if (Character.isLetterOrDigit(c)) {
        out.append(Character.toLowerCase(c));
      }
    }
    return out.toString().toLowerCase(Locale.ROOT);
  }

  /**
   * The last word of {@code key}, lower case: the letters after the last punctuation or the last
   * lower-to-upper case change ({@code SMTP_PASS}, {@code dbPass} and {@code db-pass} end with
   * {@code pass}; {@code bypass} and {@code pass_rate} do not).
   */
  static String lastWord(String key) {
    int end = key.length();
    while (end > 0 && !Character.isLetterOrDigit(key.charAt(end - 1))) {
      end--;
    }
    int start = end;
    while (start > 0) {
      char before = key.charAt(start - 1);
      boolean camelBoundary = start < end && Character.isUpperCase(key.charAt(start))
          && Character.isLowerCase(before);
      if (!Character.isLetterOrDigit(before) || camelBoundary) {
        break;
      }
      start--;
    }
    return key.substring(start, end).toLowerCase(Locale.ROOT);
  }

  private static boolean containsAny(String text, List<String> parts) {
    for (String part : parts) {
      if (text.contains(part)) {
        return true;
      }
    }
    return false;
  }

  private static boolean endsWithAny(String text, List<String> endings) {
    for (String ending : endings) {
      if (text.endsWith(ending)) {
        return true;
      }
    }
    return false;
  }
}
