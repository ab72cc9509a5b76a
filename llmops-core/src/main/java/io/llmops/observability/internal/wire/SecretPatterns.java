package io.llmops.observability.internal.wire;

import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Secret-shaped text found by its shape alone (no key needed): PEM private keys, credentials in
 * URLs, bearer and basic tokens, JWTs, AWS access key ids, {@code sk-} style API keys and vendor
 * tokens. Each rule has a cheap literal test that must pass before its regular expression runs,
 * so ordinary text costs a few {@code indexOf} scans. Internal.
 */
final class SecretPatterns {

  private record Rule(Predicate<String> mayContain, Pattern pattern, String replacement) {}

  private static final String MASK = Redactor.MASK;

  private static final List<String> AWS_PREFIXES =
      List.of("AKIA", "ASIA", "ABIA", "ACCA", "AGPA", "AIDA", "AROA", "ANPA", "ANVA", "AIPA");

  private static final List<Rule> RULES = List.of(
      new Rule(s -> s.contains("PRIVATE KEY-----"),
          Pattern.compile("-----BEGIN [A-Z0-9 ]*PRIVATE KEY-----[\\s\\S]*?(?:-----END [A-Z0-9 ]*PRIVATE KEY-----|$)"),
          MASK),
      new Rule(s -> s.contains("://") && s.indexOf('@') >= 0,
          Pattern.compile("://[^/\\s:@]+:[^/\\s@]+@"),
          "://" + MASK + "@"),
      new Rule(s -> s.contains("Basic ") || containsIgnoreCase(s, "bearer"),
          Pattern.compile("((?i:\\bbearer)|\\bBasic)(\\s+)(?=[A-Za-z0-9\\-._~+/]*[0-9\\-._~+/=])[A-Za-z0-9\\-._~+/]{8,}=*"),
          "$1$2" + MASK),
      new Rule(s -> s.contains("eyJ"),
          Pattern.compile("\\beyJ[A-Za-z0-9_-]{4,}\\.[A-Za-z0-9_-]{4,}\\.[A-Za-z0-9_-]{4,}"),
          MASK),
      new Rule(SecretPatterns::mayHoldAwsKeyId,
          Pattern.compile("\\b(?:AKIA|ASIA|ABIA|ACCA|AGPA|AIDA|AROA|ANPA|ANVA|AIPA)[A-Z0-9]{16}\\b"),
          MASK),
      new Rule(s -> s.contains("sk-") || s.contains("pk-") || s.contains("rk-"),
          Pattern.compile("\\b(?:sk|pk|rk)-[A-Za-z0-9_-]{16,}"),
          MASK),
      new Rule(s -> mayHoldGithubToken(s) || s.contains("xox") || s.contains("AIza") || s.contains("glpat-"),
          Pattern.compile("\\b(?:gh[pousr]_[A-Za-z0-9]{20,}|xox[abposr]-[A-Za-z0-9-]{10,}"
              + "|AIza[0-9A-Za-z_-]{35}|glpat-[A-Za-z0-9_-]{20,})"),
          MASK));

  private SecretPatterns() {}

  // The literal tests run on every exported string: single indexOf scans, no copies, no streams.

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

  private static boolean mayHoldAwsKeyId(String text) {
    for (int i = text.indexOf('A'); i >= 0 && i + 4 <= text.length(); i = text.indexOf('A', i + 1)) {
      for (String prefix : AWS_PREFIXES) {
        if (text.startsWith(prefix, i)) {
          return true;
        }
      }
    }
    return false;
  }

  /** {@code ghp_}, {@code gho_}, {@code ghu_}, {@code ghs_} or {@code ghr_} somewhere in the text. */
  private static boolean mayHoldGithubToken(String text) {
    for (int i = text.indexOf("gh"); i >= 0 && i + 4 <= text.length(); i = text.indexOf("gh", i + 1)) {
      if ("pousr".indexOf(text.charAt(i + 2)) >= 0 && text.charAt(i + 3) == '_') {
        return true;
      }
    }
    return false;
  }

  /** {@code text} with every secret-shaped part masked. */
  static String mask(String text) {
    String out = text;
    for (Rule rule : RULES) {
      if (rule.mayContain().test(out)) {
        Matcher m = rule.pattern().matcher(out);
        if (m.find()) {
          out = m.replaceAll(rule.replacement());
        }
      }
    }
    return out;
  }
}
