package io.llmops.observability.internal.wire;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RedactorTest {

  private final Redactor redactor = new Redactor(List.of("ssn"));

  @Test
  void anOpaqueCredentialAfterAnAuthSchemeIsMaskedWithTheScheme() {
    assertThat(redactor.redactText("Authorization: Bearer opaquecredentialonlyletters"))
        .isEqualTo("Authorization: [REDACTED]");
    assertThat(redactor.redactText("Authorization: Basic dXNlcjpwYXNzd29yZA=="))
        .doesNotContain("dXNlcjpwYXNzd29yZA");
  }

  @Test
  void aSingleCredentialHeaderKeepsTheRestOfItsLineWhileCookieAndDigestHeadersMaskIt() {
    assertThat(redactor.redactText("Authorization: Bearer tok3nValue0a1b sent to https://api.example.com"))
        .isEqualTo("Authorization: [REDACTED] sent to https://api.example.com");
    assertThat(redactor.redactText("Authorization: Digest username=\"bob\", response=\"6629fae4\""))
        .isEqualTo("Authorization: [REDACTED]");
    assertThat(redactor.redactText("Cookie: theme=dark; session=s3ss10n"))
        .isEqualTo("Cookie: [REDACTED]");
  }

  @Test
  void keysInAnyCaseAndJsonHeldInAStringAreMasked() {
    assertThat(redactor.redactText("DB_PASSWORD=hunter2 next")).isEqualTo("DB_PASSWORD=[REDACTED] next");
    assertThat(redactor.redactText("{\"client_secret\": \"abc\", \"user\": \"bob\"}"))
        .isEqualTo("{\"client_secret\": \"[REDACTED]\", \"user\": \"bob\"}");
    assertThat(redactor.redactText("GET /v1?q=java&api_key=k123&page=2"))
        .isEqualTo("GET /v1?q=java&api_key=[REDACTED]&page=2");
  }

  @Test
  void configuredKeysAreMaskedInFreeTextAndAsKeys() {
    assertThat(redactor.redactText("customer ssn: 123-45-6789")).isEqualTo("customer ssn: [REDACTED]");
    assertThat(redactor.isSensitiveKey("customer_SSN")).isTrue();
  }

  @Test
  void tokenCountsAndOrdinaryWordsAreLeftAlone() {
    String text = "max_tokens=1000 input_tokens: 12, the author: Ann, Basic information about tokens";
    assertThat(redactor.redactText(text)).isEqualTo(text);
    assertThat(redactor.isSensitiveKey("total_tokens")).isFalse();
    assertThat(redactor.isSensitiveKey("author")).isFalse();
  }

  private static final String SK = "sk-proj-PtYgjmUhBel31iEl2hpChYgCfrL1spNxnyVmihA";
  private static final String JWT = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ1c2VyMTIzIn0.c2lnbmF0dXJlX3BhcnQ";
  private static final String KEY_LINE_1 = "MIIEvgIBADANBgkqhkiG9w0BAQEFAASCBKgwggSkAgEAAoIBAQaNaMYmbdzw/Isz";
  private static final String KEY_LINE_2 = "0psundmjv+73hbPsETJveImiSy5XcgCYf4gEFCfuwOa6M1G/iFXC0NZ+cFlwvTWx";
  private static final String KEY_LAST_LINE = "lwDPyniUMyiNlCKqZKTZ==";

  @Test
  void aMapKeyThatHoldsASecretIsMaskedLikeAnyText() {
    List<String> keys = List.of(
        "api_key=" + SK,
        "Authorization: Bearer " + JWT,
        "-----BEGIN PRIVATE KEY-----\n" + KEY_LINE_1 + "\n" + KEY_LINE_2 + "\n-----END PRIVATE KEY-----",
        "password%3Dhunter2secret",
        "{\\\"password\\\":\\\"hunter2secret\\\"}",
        "redis://:hunter2secret@cache:6379",
        "user[password]=hunter2secret");
    for (String key : keys) {
      String redacted = redactor.redactText(key);
      assertThat(redacted).as(key).contains(Redactor.MASK)
          .doesNotContain(SK).doesNotContain("eyJzdWIiOiJ1c2VyMTIzIn0").doesNotContain(KEY_LINE_1)
          .doesNotContain(KEY_LINE_2).doesNotContain("hunter2secret");
    }
  }

  @Test
  void keyNamesFromSentryAndGitleaksListsAreSensitive() {
    for (String key : List.of("pass", "db_pass", "SMTP_PASS", "dbPass", "db-pw", "MYSQL_PWD",
        "AccountKey", "SharedAccessKey", "sig", "X-Amz-Signature", "X-Amz-Security-Token",
        "csrftoken", "X-XSRF-TOKEN", "JSESSIONID", "PHPSESSID", "connect.sid", "card_number",
        "cvv", "private_key_id", "Ocp-Apim-Subscription-Key", "encryption_key", "client_secret")) {
      assertThat(redactor.isSensitiveKey(key)).as(key).isTrue();
    }
  }

  @Test
  void keyNamesThatOnlyResembleSecretsAreNotSensitive() {
    for (String key : List.of("bypass", "pass_rate", "passed", "compass", "session_id",
        "token_type", "tokenizer", "token_limit", "sort_key", "public_key", "max_tokens",
        "input_tokens", "author", "authority", "signal", "keyboard")) {
      assertThat(redactor.isSensitiveKey(key)).as(key).isFalse();
    }
  }

  @Test
  void aPrivateKeyHandedOverAsAListOfLinesIsMaskedFromItsBeginLineToItsEndLine() {
    List<String> lines = List.of("before", "-----BEGIN PRIVATE KEY-----", KEY_LINE_1, KEY_LINE_2,
        KEY_LAST_LINE, "-----END PRIVATE KEY-----", "after");
    List<String> exported = new ArrayList<>();
    for (Object line : redactor.maskSecretElements(lines)) {
      exported.add(redactor.redactText((String) line));
    }
    assertThat(exported).containsExactly("before", Redactor.MASK, Redactor.MASK, Redactor.MASK,
        Redactor.MASK, Redactor.MASK, "after");
  }

  @Test
  void aValueInTheElementAfterItsKeyIsMasked() {
    List<String> headers = List.of("Authorization", "Bearer opaqueletters", "Accept", "text/plain");
    assertThat(new ArrayList<Object>(redactor.maskSecretElements(headers)))
        .containsExactly("Authorization", Redactor.MASK, "Accept", "text/plain");
    List<String> command = List.of("mysql", "--password", "hunter2secret", "--user", "bob");
    assertThat(new ArrayList<Object>(redactor.maskSecretElements(command)))
        .containsExactly("mysql", "--password", Redactor.MASK, "--user", "bob");
  }

  @Test
  void aListWithoutABeginLineIsReturnedAsItIs() {
    List<String> lines = List.of("-----END PRIVATE KEY-----", "text", "BEGIN PRIVATE KEY");
    assertThat(redactor.maskSecretElements(lines)).isSameAs(lines);
  }

  @Test
  void oneLineOfAKeyBodyOnItsOwnIsMaskedByItsShape() {
    assertThat(redactor.redactText(KEY_LINE_1)).isEqualTo(Redactor.MASK);
    assertThat(redactor.redactText(KEY_LINE_2 + "\n")).isEqualTo(Redactor.MASK);
    // too short to tell from ordinary base64: only the list rule above masks it
    assertThat(redactor.redactText(KEY_LAST_LINE)).isEqualTo(KEY_LAST_LINE);
  }

  @Test
  void textWithNothingToMaskIsReturnedWithoutACopy() {
    String text = "An ordinary answer: the order ships within 3 days, see https://example.com/faq.";
    assertThat(redactor.redactText(text)).isSameAs(text);
  }
}
