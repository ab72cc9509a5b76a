package io.llmops.observability.internal.wire;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Secret-shaped text found by its shape alone, no key needed: private keys, credentials in URLs,
 * provider tokens, JWTs, payment cards, and the credential after a {@code Bearer} or {@code Basic}
 * scheme. Every detector reads the original text and adds what it finds to a
 * {@link MaskedRanges}; each is a single linear scan or is gated by a literal test. Internal.
 */
final class SecretPatterns {

  /**
   * A credential after "Bearer" (any case) or "Basic": at least 8 token characters, one of them
   * not a letter, so "Basic information" stays. Possessive quantifiers: no backtracking.
   */
  private static final Pattern AUTH_SCHEME = Pattern.compile(
      "(?:(?i:\\bbearer)|\\bBasic)\\s++(?=[A-Za-z]*+[0-9\\-._~+/=])([A-Za-z0-9\\-._~+/]{8,}+=*+)");

  private SecretPatterns() {}

  static void find(String text, MaskedRanges out) {
    PrivateKeyBlocks.find(text, out);
    UrlCredentials.find(text, out);
    VendorTokens.find(text, out);
    CardNumbers.find(text, out);
    if (text.contains("Basic ") || containsIgnoreCase(text, "bearer")) {
      Matcher m = AUTH_SCHEME.matcher(text);
      while (m.find()) {
        out.add(m.start(1), m.end(1));
      }
    }
  }

  /** Whether {@code text} contains {@code lowerCaseWord} in any case; no copy of the text. */
  private static boolean containsIgnoreCase(String text, String lowerCaseWord) {
    int n = lowerCaseWord.length();
    for (char first : new char[] {lowerCaseWord.charAt(0), Character.toUpperCase(lowerCaseWord.charAt(0))}) {
      for (int i = text.indexOf(first); i >= 0; i = text.indexOf(first, i + 1)) {
        if (text.regionMatches(true, i, lowerCaseWord, 0, n)) {
          return true;
        }
      }
    }
    return false;
  }
}
