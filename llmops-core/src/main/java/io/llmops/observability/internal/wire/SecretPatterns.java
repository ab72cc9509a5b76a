package io.llmops.observability.internal.wire;

import static io.llmops.observability.internal.wire.TextFeatures.AT;
import static io.llmops.observability.internal.wire.TextFeatures.COLON;
import static io.llmops.observability.internal.wire.TextFeatures.DASH;
import static io.llmops.observability.internal.wire.TextFeatures.LETTER_B;
import static io.llmops.observability.internal.wire.TextFeatures.PERCENT;
import static io.llmops.observability.internal.wire.TextFeatures.SLASH;
import static io.llmops.observability.internal.wire.TextFeatures.digits;
import static io.llmops.observability.internal.wire.TextFeatures.has;
import static io.llmops.observability.internal.wire.TextFeatures.hasAll;
import static io.llmops.observability.internal.wire.TextFeatures.longestRun;

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
   * A credential after "Bearer", "bearer" or "Basic": at least 8 token characters, one of them
   * not a letter, so "Basic information" stays. Possessive quantifiers: no backtracking.
   */
  private static final Pattern AUTH_SCHEME = Pattern.compile(
      "(?:\\b[Bb]earer|\\bBasic)\\s++(?=[A-Za-z]*+[0-9\\-._~+/=])([A-Za-z0-9\\-._~+/]{8,}+=*+)");

  /** The shortest credential the scheme pattern takes. */
  private static final int MIN_CREDENTIAL = 8;

  private SecretPatterns() {}

  /** Adds what the detectors find; {@code features} ({@link TextFeatures}) skips the hopeless. */
  static void find(String text, long features, MaskedRanges out) {
    if (has(features, DASH)) {
      PrivateKeyBlocks.find(text, out);
    }
    if (hasAll(features, AT | COLON | SLASH) || has(features, PERCENT)) {
      UrlCredentials.find(text, out);
    }
    if (longestRun(features) >= VendorTokens.MIN_TOKEN) {
      VendorTokens.find(text, out);
    }
    if (digits(features) >= CardNumbers.MIN_DIGITS) {
      CardNumbers.find(text, out);
    }
    if (has(features, LETTER_B) && longestRun(features) >= MIN_CREDENTIAL
        && (text.contains("Basic ") || mayContainBearer(text))) {
      Matcher m = AUTH_SCHEME.matcher(text);
      while (m.find()) {
        out.add(m.start(1), m.end(1));
      }
    }
  }

  /** "Bearer" and "bearer" share "earer": one vectorised scan. */
  private static boolean mayContainBearer(String text) {
    return text.contains("earer");
  }
}
