package io.llmops.observability.internal.wire;

import java.util.ArrayList;
import java.util.List;

/**
 * Credentials recognised by their own shape, wherever they stand: provider API keys and tokens
 * with a known prefix ({@code sk-proj-}, {@code ghp_}, {@code AKIA}, {@code xoxb-}, ...), JWTs and
 * Azure AD client secrets. The table follows gitleaks' default rules for the providers an LLM
 * application talks to; docs/WIRE_FORMAT.md lists every shape.
 *
 * <p>One pass over the text finds runs of token characters; only runs at least as long as the
 * shortest token are looked at, and only where a word starts inside them, through a table
 * indexed by the first character. Ordinary prose costs one table look-up per character.
 * Internal.
 */
final class VendorTokens {

  /** The characters a token's body may use. */
  enum Body {
    ALNUM, ALNUM_UNDERSCORE, BASE64URL, BASE64URL_DOT, BASE64, HEX, UPPER_DIGIT, SLACK, PATH;

    boolean accepts(char c) {
      boolean alnum = c < 128 && Character.isLetterOrDigit(c);
      return switch (this) {
        case ALNUM -> alnum;
        case ALNUM_UNDERSCORE -> alnum || c == '_';
        case BASE64URL -> alnum || c == '_' || c == '-';
        case BASE64URL_DOT -> alnum || c == '_' || c == '-' || c == '.';
        case BASE64 -> alnum || c == '+' || c == '/' || c == '=';
        case HEX -> c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F';
        case UPPER_DIGIT -> c >= 'A' && c <= 'Z' || c >= '0' && c <= '9';
        case SLACK -> alnum || c == '-';
        case PATH -> alnum || c == '/' || c == '_' || c == '-' || c == '+';
      };
    }
  }

  /** What a body must show besides its length. */
  enum Check { NONE, DIGIT, JWT, AFTER_BOT_ID }

  /** A token: a literal prefix, then at least {@code minBody} characters of {@code body}. */
  record Rule(String prefix, Body body, int minBody, Check check) {
    Rule(String prefix, Body body, int minBody) {
      this(prefix, body, minBody, Check.NONE);
    }
  }

  static final List<Rule> RULES = List.of(
      // LLM providers
      new Rule("sk-", Body.BASE64URL, 16, Check.DIGIT), // OpenAI (sk-proj-, sk-svcacct-), Anthropic (sk-ant-), OpenRouter, DeepSeek
      new Rule("pk-", Body.BASE64URL, 16, Check.DIGIT),
      new Rule("rk-", Body.BASE64URL, 16, Check.DIGIT),
      new Rule("hf_", Body.ALNUM, 30), // Hugging Face
      new Rule("api_org_", Body.ALNUM, 30),
      new Rule("gsk_", Body.ALNUM, 40), // Groq
      new Rule("r8_", Body.ALNUM, 30), // Replicate
      new Rule("pplx-", Body.ALNUM, 40), // Perplexity
      new Rule("xai-", Body.ALNUM, 40), // xAI
      new Rule("lsv2_", Body.ALNUM_UNDERSCORE, 30), // LangSmith
      new Rule("pcsk_", Body.ALNUM_UNDERSCORE, 30), // Pinecone
      new Rule("ABSK", Body.BASE64, 100), // Amazon Bedrock API key, long-lived
      new Rule("bedrock-api-key-", Body.BASE64, 20), // Amazon Bedrock API key, short-lived
      // cloud
      new Rule("AKIA", Body.UPPER_DIGIT, 16), // AWS access key ids
      new Rule("ASIA", Body.UPPER_DIGIT, 16),
      new Rule("ABIA", Body.UPPER_DIGIT, 16),
      new Rule("ACCA", Body.UPPER_DIGIT, 16),
      new Rule("A3T", Body.UPPER_DIGIT, 17),
      new Rule("AGPA", Body.UPPER_DIGIT, 16),
      new Rule("AIDA", Body.UPPER_DIGIT, 16),
      new Rule("AROA", Body.UPPER_DIGIT, 16),
      new Rule("ANPA", Body.UPPER_DIGIT, 16),
      new Rule("ANVA", Body.UPPER_DIGIT, 16),
      new Rule("AIPA", Body.UPPER_DIGIT, 16),
      new Rule("AIza", Body.BASE64URL, 30), // Google API key
      new Rule("GOCSPX-", Body.BASE64URL, 20), // Google OAuth client secret
      new Rule("ya29.", Body.BASE64URL_DOT, 20), // Google OAuth access token
      new Rule("LTAI", Body.ALNUM, 20), // Alibaba Cloud
      new Rule("dop_v1_", Body.HEX, 64), // DigitalOcean
      new Rule("doo_v1_", Body.HEX, 64),
      new Rule("dor_v1_", Body.HEX, 64),
      new Rule("dapi", Body.HEX, 32), // Databricks
      new Rule("hvs.", Body.BASE64URL, 24), // HashiCorp Vault
      new Rule("hvb.", Body.BASE64URL, 24),
      new Rule("dp.pt.", Body.ALNUM, 40), // Doppler
      new Rule("HRKU-", Body.BASE64URL, 50), // Heroku
      // source hosting and packages
      new Rule("ghp_", Body.ALNUM, 30), // GitHub
      new Rule("gho_", Body.ALNUM, 30),
      new Rule("ghu_", Body.ALNUM, 30),
      new Rule("ghs_", Body.ALNUM, 30),
      new Rule("ghr_", Body.ALNUM, 30),
      new Rule("github_pat_", Body.ALNUM_UNDERSCORE, 50),
      new Rule("glpat-", Body.BASE64URL_DOT, 20), // GitLab
      new Rule("gldt-", Body.BASE64URL, 20),
      new Rule("glft-", Body.BASE64URL, 20),
      new Rule("glrt-", Body.BASE64URL_DOT, 20),
      new Rule("glptt-", Body.HEX, 40),
      new Rule("glsoat-", Body.BASE64URL, 20),
      new Rule("glcbt-", Body.BASE64URL, 20),
      new Rule("gloas-", Body.BASE64URL, 40),
      new Rule("GR1348941", Body.BASE64URL, 20),
      new Rule("npm_", Body.ALNUM, 36), // npm
      new Rule("pypi-AgE", Body.BASE64URL, 50), // PyPI
      // messaging, payments, mail, observability, productivity
      new Rule("xoxb-", Body.SLACK, 10), // Slack
      new Rule("xoxp-", Body.SLACK, 10),
      new Rule("xoxa-", Body.SLACK, 10),
      new Rule("xoxr-", Body.SLACK, 10),
      new Rule("xoxs-", Body.SLACK, 10),
      new Rule("xoxo-", Body.SLACK, 10),
      new Rule("xoxe-", Body.SLACK, 10),
      new Rule("xoxe.xox", Body.SLACK, 10),
      new Rule("xapp-", Body.SLACK, 10),
      new Rule("hooks.slack.com/services/", Body.PATH, 20),
      new Rule("hooks.slack.com/workflows/", Body.PATH, 20),
      new Rule("discord.com/api/webhooks/", Body.PATH, 20),
      new Rule("sk_live_", Body.ALNUM, 10), // Stripe
      new Rule("sk_test_", Body.ALNUM, 10),
      new Rule("rk_live_", Body.ALNUM, 10),
      new Rule("rk_test_", Body.ALNUM, 10),
      new Rule("whsec_", Body.ALNUM, 20),
      new Rule("sq0atp-", Body.BASE64URL, 22), // Square
      new Rule("sq0csp-", Body.BASE64URL, 22),
      new Rule("SK", Body.HEX, 32), // Twilio API key
      new Rule("SG.", Body.BASE64URL_DOT, 60), // SendGrid
      new Rule("shpat_", Body.HEX, 32), // Shopify
      new Rule("shpca_", Body.HEX, 32),
      new Rule("shppa_", Body.HEX, 32),
      new Rule("shpss_", Body.HEX, 32),
      new Rule("sntryu_", Body.HEX, 64), // Sentry
      new Rule("sntrys_", Body.BASE64, 50),
      new Rule("glsa_", Body.ALNUM_UNDERSCORE, 32), // Grafana
      new Rule("glc_", Body.BASE64, 32),
      new Rule("lin_api_", Body.ALNUM, 40), // Linear
      new Rule("ntn_", Body.ALNUM, 40), // Notion
      new Rule("PMAK-", Body.BASE64URL, 50), // Postman
      new Rule("ATATT3", Body.BASE64URL, 100), // Atlassian
      new Rule("AGE-SECRET-KEY-1", Body.UPPER_DIGIT, 50), // age
      new Rule("ops_eyJ", Body.BASE64, 200), // 1Password service account
      new Rule("AA", Body.BASE64URL, 30, Check.AFTER_BOT_ID), // Telegram bot token, after "<bot id>:"
      // tokens of any issuer
      new Rule("eyJ", Body.BASE64URL_DOT, 14, Check.JWT));

  /** The rules by the first character of their prefix (ASCII only). */
  private static final int[][] BY_FIRST_CHAR = index(RULES);
  /** No token is shorter; shorter runs are skipped unread. */
  static final int MIN_TOKEN = RULES.stream()
      .mapToInt(r -> r.prefix().length() + r.minBody()).min().orElseThrow();

  private static final int AZURE_MIN_BODY = 31;

  private VendorTokens() {}

  static void find(String text, MaskedRanges out) {
    int n = text.length();
    int[] failedUntil = null; // per rule: a body that failed there also fails at any later start in it
    // Invariant: i == 0 or text[i - 1] ends a run. A run of MIN_TOKEN or more starting at or
    // after i covers i + MIN_TOKEN - 1, so one probe there rules out a whole stretch of prose.
    int i = 0;
    while (i + MIN_TOKEN <= n) {
      int probe = i + MIN_TOKEN - 1;
      if (!isRunChar(text.charAt(probe))) {
        i = probe + 1;
        continue;
      }
      int start = probe;
      while (start > i && isRunChar(text.charAt(start - 1))) {
        start--;
      }
      int end = probe + 1;
      while (end < n && isRunChar(text.charAt(end))) {
        end++;
      }
      if (end - start >= MIN_TOKEN) {
        if (failedUntil == null) {
          failedUntil = new int[RULES.size()];
        }
        findInRun(text, start, end, failedUntil, out);
        findAzureSecrets(text, start, end, out);
      }
      i = end + 1;
    }
  }

  /** Tries every word start of {@code [start, end)} against the table. */
  private static void findInRun(String text, int start, int end, int[] failedUntil, MaskedRanges out) {
    int i = start;
    while (i < end) {
      boolean wordStart = i == start || !isAlnum(text.charAt(i - 1));
      int tokenEnd = wordStart ? tokenAt(text, i, end, failedUntil) : -1;
      if (tokenEnd > 0) {
        out.add(i, tokenEnd);
        i = tokenEnd;
      } else {
        i++;
      }
    }
  }

  /** The end of the token starting at {@code at}, or -1. */
  private static int tokenAt(String text, int at, int end, int[] failedUntil) {
    char first = text.charAt(at);
    int[] candidates = first < BY_FIRST_CHAR.length ? BY_FIRST_CHAR[first] : null;
    if (candidates == null) {
      return -1;
    }
    for (int r : candidates) {
      Rule rule = RULES.get(r);
      if (at < failedUntil[r] || !text.startsWith(rule.prefix(), at)) {
        continue;
      }
      int bodyStart = at + rule.prefix().length();
      int bodyEnd = bodyStart;
      while (bodyEnd < end && rule.body().accepts(text.charAt(bodyEnd))) {
        bodyEnd++;
      }
      if (bodyEnd - bodyStart >= rule.minBody() && passes(rule.check(), text, at, bodyEnd)) {
        return bodyEnd;
      }
      failedUntil[r] = bodyEnd;
    }
    return -1;
  }

  /** Whether the token {@code [start, end)} shows what its rule's check asks. */
  private static boolean passes(Check check, String text, int start, int end) {
    return switch (check) {
      case NONE -> true;
      case DIGIT -> indexOf(text, Character::isDigit, start, end) >= 0;
      case JWT -> isJwtBody(text, start + "eyJ".length(), end);
      case AFTER_BOT_ID -> isAfterBotId(text, start);
    };
  }

  /** Preceded by ':' and a bot id of 8 to 10 digits, as in {@code 123456789:AA...}. */
  private static boolean isAfterBotId(String text, int start) {
    int digits = 0;
    while (start - 2 - digits >= 0 && isDigit(text.charAt(start - 2 - digits)) && digits <= 10) {
      digits++;
    }
    return start > 0 && text.charAt(start - 1) == ':' && digits >= 8 && digits <= 10;
  }

  /** After "eyJ": a header of 10+ characters, a '.', a payload of 4+ and a second '.'. */
  private static boolean isJwtBody(String text, int start, int end) {
    int firstDot = indexOf(text, c -> c == '.', start, end);
    if (firstDot - start < 10) {
      return false;
    }
    int secondDot = indexOf(text, c -> c == '.', firstDot + 1, end);
    return secondDot - firstDot - 1 >= 4;
  }

  /**
   * Azure AD client secrets: three characters, a digit, "Q~", then 31 to 34 characters, as in
   * {@code abc8Q~...}. Found by their "Q~" mark inside a run.
   */
  private static void findAzureSecrets(String text, int start, int end, MaskedRanges out) {
    for (int q = start + 4; q + 1 < end; q++) {
      if (text.charAt(q) != 'Q' || text.charAt(q + 1) != '~' || !isDigit(text.charAt(q - 1))
          || q - 4 > start && isAlnum(text.charAt(q - 5))) {
        continue;
      }
      int bodyEnd = q + 2;
      while (bodyEnd < end && (isAlnum(text.charAt(bodyEnd)) || "_~.-".indexOf(text.charAt(bodyEnd)) >= 0)) {
        bodyEnd++;
      }
      if (bodyEnd - q - 2 >= AZURE_MIN_BODY) {
        out.add(q - 4, bodyEnd);
        q = bodyEnd;
      }
    }
  }

  private static boolean isRunChar(char c) {
    return TextFeatures.isTokenChar(c);
  }

  private static boolean isAlnum(char c) {
    return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9';
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  /** The first index in {@code [start, end)} whose character passes, or -1. */
  private static int indexOf(String text, CharPredicate test, int start, int end) {
    for (int i = start; i < end; i++) {
      if (test.test(text.charAt(i))) {
        return i;
      }
    }
    return -1;
  }

  @FunctionalInterface
  private interface CharPredicate {
    boolean test(char c);
  }

  /** For each ASCII character, the indices of the rules whose prefix starts with it. */
  private static int[][] index(List<Rule> rules) {
    List<List<Integer>> byChar = new ArrayList<>();
    for (int c = 0; c < 128; c++) {
      byChar.add(new ArrayList<>());
    }
    for (int r = 0; r < rules.size(); r++) {
      byChar.get(rules.get(r).prefix().charAt(0)).add(r);
    }
    int[][] table = new int[128][];
    for (int c = 0; c < 128; c++) {
      List<Integer> found = byChar.get(c);
      table[c] = found.isEmpty() ? null : found.stream().mapToInt(Integer::intValue).toArray();
    }
    return table;
  }
}
