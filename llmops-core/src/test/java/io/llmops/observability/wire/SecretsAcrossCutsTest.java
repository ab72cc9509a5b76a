package io.llmops.observability.wire;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.llmops.observability.Llmops;
import io.llmops.observability.Span;
import io.llmops.observability.TraceManager;
import io.llmops.observability.export.TraceMessage;
import io.llmops.observability.internal.capture.CaptureLimits;
import io.llmops.observability.internal.capture.Errors;
import io.llmops.observability.testing.CollectingSink;
import io.llmops.observability.testing.Exported;
import io.llmops.observability.testing.TestConfigs;
import io.llmops.observability.testing.WireDecoder;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Secrets placed across every cut the SDK makes (exception messages, stack traces, map keys,
 * the 64 Ki-character capture cut, status messages, the identity-only fallback) and in map keys
 * themselves: redaction runs before each cut, so not even a part of a secret is exported.
 */
@Timeout(60)
class SecretsAcrossCutsTest {

  /** Each secret as it appears in text, and the part of it that must never be exported. */
  record Secret(String text, String secretPart) {
    @Override
    public String toString() {
      return secretPart;
    }
  }

  static List<Secret> secrets() {
    return List.of(
        new Secret("AKIAIOSFODNN7EXAMPLE", "AKIAIOSFODNN7EXAMPLE"),
        new Secret("sk-proj-Zx9Yw8Vu7Ts6Rq5Po4Nm3Lk2Ji1Hg0FeDcBa", "Zx9Yw8Vu7Ts6Rq5Po4Nm3Lk2Ji1Hg0FeDcBa"),
        new Secret("eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ1c2VyMTIzNDU2In0.c2lnbmF0dXJlX3BhcnRfeHl6",
            "eyJzdWIiOiJ1c2VyMTIzNDU2In0"),
        new Secret("password=Tr0ub4dor3xyzzy", "Tr0ub4dor3xyzzy"),
        new Secret("Authorization: Bearer opaqueTokenValue0a1b2c3d4e5f", "opaqueTokenValue0a1b2c3d4e5f"),
        new Secret("-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC7\n"
            + "-----END PRIVATE KEY-----", "MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC7"));
  }

  /** An exception without stack frames: its stack trace text is its "Type: message" line. */
  static final class Frameless extends RuntimeException {
    Frameless(String message, Throwable cause) {
      super(message, cause, false, false);
    }
  }

  private CollectingSink sink;

  private void configure(int maxMessageBytes) {
    sink = new CollectingSink();
    Llmops.configure(TestConfigs.isolated().maxMessageBytes(maxMessageBytes)
        .set("LLMOPS_MAX_SPAN_IO_BYTES", "1048576").set("LLMOPS_MAX_TRACE_IO_BYTES", "1048576")
        .set("LLMOPS_MAX_PROMPT_RESPONSE_BYTES", "1048576").addSink(sink).build());
  }

  @AfterEach
  void shutdown() {
    Llmops.shutdown(Duration.ofSeconds(5));
  }

  /** Text of {@code length} characters with {@code secret} starting {@code before} characters ahead of {@code cut}. */
  private static String across(int cut, int before, Secret secret, int length) {
    String head = "x".repeat(cut - before - 1) + " ";
    StringBuilder text = new StringBuilder(head).append(secret.text()).append(' ');
    while (text.length() < length) {
      text.append("filler ");
    }
    return text.toString();
  }

  /** Neither the secret nor any 8 characters of it appear anywhere in what was exported. */
  private static void assertNoPartOf(Secret secret, TraceMessage message) {
    String everything = Exported.everything(message);
    String part = secret.secretPart();
    for (int i = 0; i + 8 <= part.length(); i++) {
      String window = part.substring(i, i + 8);
      assertThat(everything).as("'%s' of %s exported", window, part).doesNotContain(window);
    }
  }

  private static final int[] OFFSETS = {1, 5, 12};

  @ParameterizedTest(name = "{0}")
  @MethodSource("secrets")
  void aSecretAcrossTheExceptionMessageCutIsMasked(Secret secret) {
    configure(1_048_576);
    for (int before : OFFSETS) {
      String message = across(Errors.MAX_MESSAGE_CHARS, before, secret, Errors.MAX_MESSAGE_CHARS + 500);
      try (Span span = Llmops.span("fails").start()) {
        span.recordException(new IllegalStateException(message, new RuntimeException(message)));
        span.setStatusMessage(message);
      }
    }
    List<TraceMessage> messages = Exported.flushed(sink);
    assertThat(messages).hasSize(OFFSETS.length);
    for (TraceMessage m : messages) {
      assertNoPartOf(secret, m);
      JsonNode span = WireDecoder.trace(m.body()).path("spans").get(0);
      assertThat(span.path("metadata").path("exception.message").asText()).endsWith("…")
          .startsWith("xxxxxxxx");
      assertThat(span.path("metadata").path("exception.message").asText().length())
          .isLessThanOrEqualTo(Errors.MAX_MESSAGE_CHARS + 1);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("secrets")
  void aSecretAcrossTheStackTraceCutIsMasked(Secret secret) {
    configure(1_048_576);
    // Throwables without frames, so the stack trace text is exactly "Type: message" lines: four
    // causes of 3,000 characters put the fifth one's message across the 16,000-character cut.
    String type = Frameless.class.getName() + ": ";
    String causedBy = "Caused by: " + type;
    int causes = 4;
    int causeLength = 3_000;
    int fifthStarts = type.length() + causeLength + 1 + (causes - 1) * (causedBy.length() + causeLength + 1)
        + causedBy.length();
    for (int before : OFFSETS) {
      String last = across(Errors.MAX_TRACE_CHARS - fifthStarts, before, secret, 3_500);
      Throwable error = new Frameless(last, null);
      for (int i = 0; i < causes; i++) {
        error = new Frameless("y".repeat(causeLength), error);
      }
      try (Span span = Llmops.span("fails").start()) {
        span.recordException(error);
      }
    }
    for (TraceMessage m : Exported.flushed(sink)) {
      assertNoPartOf(secret, m);
      assertThat(WireDecoder.trace(m.body()).path("spans").get(0).path("metadata")
          .path("exception.stacktrace").asText()).endsWith("[stack trace truncated]");
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("secrets")
  void aSecretAcrossTheCaptureCutOfALongStringIsMasked(Secret secret) {
    configure(1_048_576);
    for (int before : OFFSETS) {
      String text = across(CaptureLimits.MAX_STRING_CHARS, before, secret,
          CaptureLimits.MAX_STRING_CHARS + 10_000);
      try (Span span = Llmops.generation("llm").prompt(text).start()) {
        span.setOutput(Map.of("text", text));
        span.setMetadata("note", text);
      }
    }
    List<TraceMessage> messages = Exported.flushed(sink);
    assertThat(messages).hasSize(OFFSETS.length);
    for (TraceMessage m : messages) {
      assertNoPartOf(secret, m);
      JsonNode span = WireDecoder.trace(m.body()).path("spans").get(0);
      assertThat(span.path("prompt").asText()).contains("[truncated: ");
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("secrets")
  void aSecretAcrossTheResponseReadersCutIsMasked(Secret secret) throws Exception {
    configure(1_048_576);
    com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
    for (int before : OFFSETS) {
      String text = across(CaptureLimits.MAX_STRING_CHARS, before, secret,
          CaptureLimits.MAX_STRING_CHARS + 10_000);
      String body = json.writeValueAsString(Map.of("model", "gpt-4o", "choices",
          List.of(Map.of("message", Map.of("role", "assistant", "content", text)))));
      try (Span span = Llmops.generation("json").start()) {
        span.recordLlmResponse(body);
      }
      try (Span span = Llmops.generation("plain").start()) {
        span.recordLlmResponse(text);
      }
    }
    List<TraceMessage> messages = Exported.flushed(sink);
    assertThat(messages).hasSize(2 * OFFSETS.length);
    for (TraceMessage m : messages) {
      assertNoPartOf(secret, m);
      assertThat(WireDecoder.trace(m.body()).path("spans").get(0).path("response").asText())
          .contains("[truncated: ");
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("secrets")
  void aSecretAcrossTheMapKeyCutIsMasked(Secret secret) {
    configure(1_048_576);
    for (int before : OFFSETS) {
      String key = across(CaptureLimits.MAX_KEY_CHARS, before, secret, CaptureLimits.MAX_KEY_CHARS + 200);
      Map<String, Object> map = new LinkedHashMap<>();
      map.put(key, "value");
      try (Span span = Llmops.span("keys").input("headers", map).start()) {
        span.setMetadata(key, "value");
        span.setInput(key, "value");
      }
    }
    for (TraceMessage m : Exported.flushed(sink)) {
      assertNoPartOf(secret, m);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("secrets")
  void aSecretAcrossTheIdentityOnlyCutIsMasked(Secret secret) {
    configure(4_096);
    Random random = new Random(7);
    for (int before : OFFSETS) {
      // random text gzip cannot shrink, so only the identity-only message can fit
      StringBuilder name = new StringBuilder(across(256, before, secret, 300));
      for (int i = 0; i < 12_000; i++) {
        name.append((char) ('a' + random.nextInt(26)));
      }
      TraceManager.newTrace("t").userId(name.toString()).start();
      Llmops.span("work").run(() -> { });
      TraceManager.finalizeAndSend(null, null);
    }
    List<TraceMessage> messages = Exported.flushed(sink);
    assertThat(messages).hasSize(OFFSETS.length);
    for (TraceMessage m : messages) {
      assertThat(WireDecoder.trace(m.body()).path("spans").size()).isZero();
      assertNoPartOf(secret, m);
    }
  }

  @Test
  void sensitiveLookingKeysAreMaskedLikeAnyText() {
    configure(1_048_576);
    Secret sk = secrets().get(1);
    Secret jwt = secrets().get(2);
    Secret pem = secrets().get(5);
    Map<String, Object> headers = new LinkedHashMap<>();
    headers.put("api_key=" + sk.text(), "v1");
    headers.put("Authorization: Bearer " + jwt.text(), "v2");
    headers.put(pem.text(), "v3");
    headers.put("plain", "v4");
    try (Span span = Llmops.span("keys").input("headers", headers).start()) {
      headers.forEach(span::setMetadata);
      headers.forEach(span::setInput);
    }
    TraceMessage m = Exported.flushed(sink).get(0);
    for (Secret secret : List.of(sk, jwt, pem)) {
      assertNoPartOf(secret, m);
    }
    JsonNode span = WireDecoder.trace(m.body()).path("spans").get(0);
    JsonNode exported = span.path("input_data").path("kwargs").path("headers");
    assertThat(exported.size()).isEqualTo(4);
    assertThat(exported.path("plain").asText()).isEqualTo("v4");
    assertThat(span.path("metadata").path("plain").asText()).isEqualTo("v4");
  }

  @Test
  void keysThatRedactToTheSameTextStayDistinct() {
    configure(1_048_576);
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("token sk-aaaaaaaaaaaaaaaaaaaaaaaa", 1);
    map.put("token sk-bbbbbbbbbbbbbbbbbbbbbbbb", 2);
    map.put("token [REDACTED]", 3);
    try (Span span = Llmops.span("keys").input("map", map).start()) {
      span.setOutput("done");
    }
    JsonNode exported = WireDecoder.trace(Exported.flushed(sink).get(0).body())
        .path("spans").get(0).path("input_data").path("kwargs").path("map");
    assertThat(exported.size()).isEqualTo(3);
    assertThat(exported.path("token [REDACTED]").asInt()).isEqualTo(3);
  }
}
