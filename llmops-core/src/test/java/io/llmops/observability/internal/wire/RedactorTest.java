package io.llmops.observability.internal.wire;

import static org.assertj.core.api.Assertions.assertThat;

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
}
