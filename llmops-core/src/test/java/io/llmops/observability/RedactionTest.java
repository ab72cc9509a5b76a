package io.llmops.observability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.llmops.observability.export.TraceMessage;
import io.llmops.observability.internal.wire.Redactor;
import io.llmops.observability.testing.CollectingSink;
import io.llmops.observability.testing.Exported;
import io.llmops.observability.testing.TestConfigs;
import io.llmops.observability.testing.WireDecoder;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A corpus of secrets placed everywhere an application can put a value; none of them may appear
 * anywhere in the exported message. Ordinary values that only look related must survive.
 */
@Timeout(60)
class RedactionTest {

  // Each secret is unique, so a leak can be attributed to its placement.
  private static final String JWT = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ1c2VyMTIzIn0.c2lnbmF0dXJlX3BhcnQ";
  private static final String JWT_SECRET_PART = "eyJzdWIiOiJ1c2VyMTIzIn0";
  private static final String AWS_KEY_ID = "AKIAIOSFODNN7EXAMPLE";
  private static final String SK = "sk-abcdefghijklmnopqrstuvwxyz0123456789ABCD";
  private static final String SK_PROJ = "sk-proj-Zx9Yw8Vu7Ts6Rq5Po4Nm3Lk2Ji1Hg0Fe";
  private static final String SK_ANT = "sk-ant-api03-AbCdEfGhIjKlMnOpQrStUvWx";
  private static final String GHP = "ghp_A1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p6Q7r8";
  private static final String PEM_BODY = "MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC7";
  private static final String PEM = "-----BEGIN PRIVATE KEY-----\n" + PEM_BODY
      + "\nZm9vYmFyYmF6cXV4\n-----END PRIVATE KEY-----";
  private static final String URL_PASSWORD = "urlPa55w0rdXyz";
  private static final String QUERY_API_KEY = "qApiKeyValue0001";
  private static final String QUERY_TOKEN = "qTokenValue0002";
  private static final String LOG_PASSWORD = "logPassHunter2";
  private static final String JSON_PASSWORD = "jsonPassCorrectHorse";
  private static final String UPPER_PASSWORD = "upperDbPassValue";
  private static final String BEARER_OPAQUE = "opaqueBearer_0a1b2c3d4e5f";

  /** Free text carrying every secret-shaped value. */
  private static final String FREE_TEXT = String.join("\n",
      "Authorization: Bearer " + JWT,
      "my key id is " + AWS_KEY_ID + " in us-east-1",
      "openai " + SK + " and " + SK_PROJ + " and anthropic " + SK_ANT,
      "github token " + GHP,
      PEM,
      "connect to https://admin:" + URL_PASSWORD + "@db.example.com:5432/app",
      "GET https://api.example.com/v1/items?api_key=" + QUERY_API_KEY + "&token=" + QUERY_TOKEN
          + "&page=2",
      "2024-01-01 INFO login user=bob password=" + LOG_PASSWORD + " ok",
      "payload {\"password\": \"" + JSON_PASSWORD + "\", \"user\": \"bob\"}",
      "DB_PASSWORD=" + UPPER_PASSWORD,
      "curl -H 'Authorization: Bearer " + BEARER_OPAQUE + "'");

  private static final List<String> FREE_TEXT_SECRETS = List.of(JWT, JWT_SECRET_PART, AWS_KEY_ID,
      SK, SK_PROJ, SK_ANT, GHP, PEM_BODY, URL_PASSWORD, QUERY_API_KEY, QUERY_TOKEN, LOG_PASSWORD,
      JSON_PASSWORD, UPPER_PASSWORD, BEARER_OPAQUE);

  /** Values under sensitive keys: ordinary-looking text that only the key marks as secret. */
  private static final Map<String, String> SENSITIVE_KEYS = new LinkedHashMap<>();

  static {
    String[] keys = {"password", "secret", "token", "api_key", "apiKey", "x-api-key",
        "authorization", "cookie", "private_key", "credentials", "aws_secret_access_key",
        "client_secret", "Password", "X-Api-Key", "db_passwd", "refresh_token",
        "customer_pin"};
    for (int i = 0; i < keys.length; i++) {
      SENSITIVE_KEYS.put(keys[i], "plainvalue" + (char) ('A' + i) + "q" + i * 7919);
    }
  }

  private final CollectingSink sink = new CollectingSink();

  @BeforeEach
  void configure() {
    // customer_pin is sensitive only because LLMOPS_REDACT_KEYS says so
    Llmops.configure(TestConfigs.isolated().set("LLMOPS_REDACT_KEYS", "customer_pin, other")
        .set("LLMOPS_MAX_SPAN_IO_BYTES", "1048576").set("LLMOPS_MAX_TRACE_IO_BYTES", "1048576")
        .addSink(sink).build());
  }

  @AfterEach
  void shutdown() {
    Llmops.shutdown(Duration.ofSeconds(5));
  }

  private static Map<String, Object> sensitiveMap() {
    return new LinkedHashMap<>(SENSITIVE_KEYS);
  }

  /** The sensitive map at several depths, inside lists and maps. */
  private static Object nested() {
    Map<String, Object> inner = new LinkedHashMap<>();
    inner.put("headers", sensitiveMap());
    inner.put("list", List.of(sensitiveMap(), Map.of("deeper", sensitiveMap())));
    Map<String, Object> outer = new LinkedHashMap<>(sensitiveMap());
    outer.put("request", inner);
    return outer;
  }

  static class Credentials {
    private final String username = "bob";
    private final String password;
    private final String apiKey;
    private final Map<String, String> headers;

    Credentials(String password, String apiKey) {
      this.password = password;
      this.apiKey = apiKey;
      this.headers = Map.of("Authorization", "Token " + password);
    }
  }

  private static List<String> allSecrets() {
    List<String> secrets = new ArrayList<>(FREE_TEXT_SECRETS);
    secrets.addAll(SENSITIVE_KEYS.values());
    return secrets;
  }

  private static void assertNoSecretIn(TraceMessage message) {
    String everything = Exported.everything(message);
    for (String secret : allSecrets()) {
      int at = everything.indexOf(secret);
      String context = at < 0 ? "" : everything.substring(Math.max(0, at - 80),
          Math.min(everything.length(), at + secret.length() + 20));
      assertThat(at).as("secret %s leaked in: ...%s...", secret, context).isEqualTo(-1);
    }
  }

  @Test
  void noSecretAppearsAnywhereInTheExportedMessage() {
    TraceManager.newTrace("trace " + SK).userId("user").metadata(sensitiveMap())
        .metadata("notes", FREE_TEXT).tags("tag " + GHP, AWS_KEY_ID).start();
    try (Span agent = Llmops.agent("agent " + AWS_KEY_ID).input("request", nested())
        .args(FREE_TEXT, sensitiveMap(), new Credentials(LOG_PASSWORD, QUERY_API_KEY))
        .metadata(sensitiveMap()).metadata("log", FREE_TEXT).tag("t " + SK_ANT).start()) {
      agent.setLocal("env", sensitiveMap()).setSelf(new Credentials(JSON_PASSWORD, SK))
          .setStatusMessage("status " + FREE_TEXT);
      try (Span llm = Llmops.generation("call " + SK_PROJ).model("m").prompt(FREE_TEXT).start()) {
        llm.setResponse("here you go: " + FREE_TEXT).setOutput(nested())
            .setMetadata("error_text", FREE_TEXT).addTag(JWT);
      }
      try (Span tool = Llmops.tool("tool").start()) {
        tool.recordException(new IllegalStateException("failed with " + FREE_TEXT));
      }
      agent.setOutput(List.of(FREE_TEXT, sensitiveMap()));
    }
    TraceManager.finalizeAndSend(Map.of("query", FREE_TEXT, "auth", sensitiveMap()),
        List.of(FREE_TEXT, nested()));

    List<TraceMessage> messages = Exported.flushed(sink);
    assertThat(messages).hasSize(1);
    JsonNode trace = WireDecoder.trace(messages.get(0).body());
    assertThat(trace.get("spans").size()).isEqualTo(3);
    assertNoSecretIn(messages.get(0));
    String text = trace.toString();
    assertThat(text).contains(Redactor.MASK);
    // the non-secret parts stay readable
    assertThat(text).contains("db.example.com", "api.example.com/v1/items", "page=2", "user=bob");
    JsonNode agent = trace.at("/spans/2");
    assertThat(agent.at("/input_data/kwargs/request/password").asText()).isEqualTo(Redactor.MASK);
    assertThat(agent.at("/input_data/kwargs/request/customer_pin").asText())
        .isEqualTo(Redactor.MASK);
    assertThat(agent.at("/input_data/args/2/username").asText()).isEqualTo("bob");
    assertThat(agent.at("/input_data/args/2/password").asText()).isEqualTo(Redactor.MASK);
  }

  @Test
  void secretsInAnImplicitTraceAndInFailedCallsAreRedacted() {
    Llmops.tool("implicit").input("api_key", QUERY_API_KEY).run(() -> {
      Llmops.currentSpan().setOutput(FREE_TEXT);
    });
    TraceManager.startTrace("call");
    try {
      Llmops.span("fails").input("token", QUERY_TOKEN).call(() -> {
        throw new IllegalArgumentException("bad credentials " + FREE_TEXT);
      });
    } catch (IllegalArgumentException expected) {
      // rethrown unchanged
    }
    TraceManager.endTrace();
    List<TraceMessage> messages = Exported.flushed(sink);
    assertThat(messages).hasSize(2);
    messages.forEach(RedactionTest::assertNoSecretIn);
  }

  @Test
  void secretsSurviveNoTruncationPath() {
    // a value far above the field limits is previewed; the preview must be redacted too
    String big = (FREE_TEXT + "\n").repeat(400);
    Llmops.configure(TestConfigs.isolated().addSink(sink).build());
    TraceManager.startTrace("big");
    try (Span span = Llmops.generation("big").prompt(big).start()) {
      span.setResponse(big).setOutput(big).setInput("text", big).setMetadata("m", big);
    }
    TraceManager.finalizeAndSend(big, big);
    List<TraceMessage> messages = Exported.flushed(sink);
    assertThat(messages).hasSize(1);
    assertNoSecretIn(messages.get(0));
  }

  @Test
  void usageCountsAndOrdinaryTextAreNotRedacted() {
    String prose = "Basic information about tokens; the bearer of news; see "
        + "https://docs.example.com/guide?page=3 and the token limit.";
    TraceManager.newTrace("ordinary").metadata("max_tokens", 4096).start();
    try (Span span = Llmops.generation("ordinary").metadata("input_tokens", 12)
        .metadata("total_tokens", 30).metadata("output_tokens", 18).metadata("notes", prose)
        .input("max_tokens", 4096).start()) {
      span.setOutput(Map.of("total_tokens", 30, "text", prose)).setResponse(prose)
          .setUsage(12, 18);
    }
    TraceManager.finalizeAndSend(prose, prose);

    JsonNode trace = Exported.onlyTrace(sink);
    JsonNode span = trace.at("/spans/0");
    assertThat(trace.at("/metadata/max_tokens").asInt()).isEqualTo(4096);
    assertThat(span.at("/metadata/input_tokens").asInt()).isEqualTo(12);
    assertThat(span.at("/metadata/total_tokens").asInt()).isEqualTo(30);
    assertThat(span.at("/metadata/output_tokens").asInt()).isEqualTo(18);
    assertThat(span.at("/metadata/notes").asText()).isEqualTo(prose);
    assertThat(span.at("/input_data/kwargs/max_tokens").asInt()).isEqualTo(4096);
    assertThat(span.at("/output_data/output/total_tokens").asInt()).isEqualTo(30);
    assertThat(span.at("/output_data/output/text").asText()).isEqualTo(prose);
    assertThat(span.at("/response").asText()).isEqualTo(prose);
    assertThat(trace.at("/trace_input").asText()).isEqualTo(prose);
    assertThat(span.at("/usage/total_tokens").asInt()).isEqualTo(30);
  }

  @Test
  void redactorUnitCorpus() {
    Redactor redactor = new Redactor(List.of("customer_pin"));
    String redacted = redactor.redactText(FREE_TEXT);
    for (String secret : FREE_TEXT_SECRETS) {
      assertThat(redacted).as("secret %s", secret).doesNotContain(secret);
    }
    assertThat(redacted).contains("https://[REDACTED]@db.example.com")
        .contains("api_key=[REDACTED]&token=[REDACTED]&page=2")
        .contains("password=[REDACTED] ok")
        .contains("\"password\": \"[REDACTED]\"");
    for (String key : SENSITIVE_KEYS.keySet()) {
      assertThat(redactor.isSensitiveKey(key)).as(key).isTrue();
    }
    for (String key : List.of("max_tokens", "input_tokens", "total_tokens", "output_tokens",
        "prompt_tokens", "token_count", "user", "model_id", "author", "keyboard", "monkey")) {
      assertThat(redactor.isSensitiveKey(key)).as(key).isFalse();
    }
    for (String ordinary : List.of("Basic information about tokens", "the bearer of news",
        "https://example.com/path?page=2&q=java", "max_tokens=4096, input_tokens: 12",
        "a risk-assessment-framework-document", "Passwords must be long; choose a good one.",
        "sk-short")) {
      assertThat(redactor.redactText(ordinary)).as(ordinary).isEqualTo(ordinary);
    }
  }

  @Test
  void aValueAfterANonSensitiveKeyIsStillScanned() {
    Redactor redactor = new Redactor(List.of());
    assertThat(redactor.redactText("max_tokens=" + SK)).doesNotContain(SK);
    assertThat(redactor.redactText("OPENAI_KEY=" + SK_PROJ)).doesNotContain(SK_PROJ);
    assertThat(redactor.redactText("key: " + AWS_KEY_ID)).doesNotContain(AWS_KEY_ID);
  }

  @Test
  void aPrivateKeyPassedAsALineListLeavesNoLineInTheExport() {
    String line1 = "MIIEvgIBADANBgkqhkiG9w0BAQEFAASCBKgwggSkAgEAAoIBAQaNaMYmbdzw/Isz";
    String line2 = "0psundmjv+73hbPsETJveImiSy5XcgCYf4gEFCfuwOa6M1G/iFXC0NZ+cFlwvTWx";
    String last = "lwDPyniUMyiNlCKqZKTZ==";
    String[] keyFile = {"-----BEGIN RSA PRIVATE KEY-----", line1, line2, last,
        "-----END RSA PRIVATE KEY-----"};
    TraceManager.startTrace("key upload");
    try (Span span = Llmops.tool("upload").input("lines", List.of(keyFile)).start()) {
      span.setOutput(Map.of("stored", true));
    }
    TraceManager.endTrace();

    JsonNode trace = Exported.onlyTrace(sink);
    String text = trace.toString();
    assertThat(text).doesNotContain(line1).doesNotContain(line2).doesNotContain(last);
    assertThat(trace.at("/spans/0/input_data/kwargs/lines").size()).isEqualTo(5);
  }
}
