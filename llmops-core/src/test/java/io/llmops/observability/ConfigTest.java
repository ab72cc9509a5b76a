package io.llmops.observability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.llmops.observability.internal.engine.Tracer;
import io.llmops.observability.testing.CapturedLog;
import io.llmops.observability.testing.CollectingSink;
import io.llmops.observability.testing.Exported;
import io.llmops.observability.testing.ModuleSettingsProvider;
import io.llmops.observability.testing.TestConfigs;
import java.io.IOException;
import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Configuration sources, precedence, aliases, defaults, validation and the .env format. */
class ConfigTest {

  @TempDir
  Path dir;

  @AfterEach
  void shutdown() {
    Llmops.shutdown(Duration.ofSeconds(5));
  }

  /** A builder reading only the given sources (no process environment, properties or .env). */
  private static LlmopsConfig.Builder sources(Map<String, String> env, Properties props, Path dotEnv) {
    return LlmopsConfig.builder().environmentVariables(env)
        .systemProperties(props == null ? new Properties() : props).dotEnvFile(dotEnv);
  }

  private static LlmopsConfig env(String... pairs) {
    return sources(map(pairs), null, null).build();
  }

  private static Map<String, String> map(String... pairs) {
    Map<String, String> out = new HashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      out.put(pairs[i], pairs[i + 1]);
    }
    return out;
  }

  private static Properties props(String... pairs) {
    Properties out = new Properties();
    for (int i = 0; i < pairs.length; i += 2) {
      out.setProperty(pairs[i], pairs[i + 1]);
    }
    return out;
  }

  private Path dotEnv(String... lines) throws IOException {
    Path file = dir.resolve(".env");
    Files.write(file, List.of(lines), StandardCharsets.UTF_8);
    return file;
  }

  // ---------------------------------------------------------------- precedence and aliases

  @Test
  void builderBeatsSystemPropertyBeatsEnvironmentBeatsDotEnvBeatsDefault() throws IOException {
    Path file = dotEnv("LLMOPS_PROJECT_ID=from_dotenv", "ENV=dotenv_env", "MODEL_ID=dotenv-model",
        "AWS_REGION=eu-west-1");
    Map<String, String> env = map("LLMOPS_PROJECT_ID", "from_env", "ENV", "env_env",
        "MODEL_ID", "env-model");
    Properties props = props("LLMOPS_PROJECT_ID", "from_property", "ENV", "property_env");

    LlmopsConfig all = sources(env, props, file).projectId("from_builder").build();
    assertThat(all.projectId()).isEqualTo("from_builder");
    assertThat(all.environment()).isEqualTo("property_env");
    assertThat(all.defaultModelId()).isEqualTo("env-model");
    assertThat(all.get(ModuleSettingsProvider.AWS_REGION)).isEqualTo("eu-west-1");
    assertThat(all.get(ModuleSettingsProvider.AWS_PROFILE)).isEqualTo("default");

    assertThat(sources(env, props, file).build().projectId()).isEqualTo("from_property");
    assertThat(sources(env, null, file).build().projectId()).isEqualTo("from_env");
    assertThat(sources(Map.of(), null, file).build().projectId()).isEqualTo("from_dotenv");
    assertThat(sources(Map.of(), null, null).build().projectId()).isEqualTo("unknown_project");
  }

  @Test
  void theLlmopsPrefixedNameWinsWithinOneSourceAndAHigherSourceWinsWithAnyName() {
    assertThat(env("LLMOPS_PROJECT_ID", "prefixed", "PROJECT_ID", "plain").projectId())
        .isEqualTo("prefixed");
    assertThat(env("PROJECT_ID", "plain").projectId()).isEqualTo("plain");
    assertThat(env("LLMOPS_ENV", "prefixed", "ENV", "plain").environment()).isEqualTo("prefixed");
    assertThat(env("ENV", "uat").environment()).isEqualTo("uat");
    // the plain alias in a higher source beats the prefixed name in a lower one
    LlmopsConfig config = sources(map("LLMOPS_PROJECT_ID", "env_prefixed"),
        props("PROJECT_ID", "property_plain"), null).build();
    assertThat(config.projectId()).isEqualTo("property_plain");
  }

  @Test
  void systemPropertiesAcceptTheExactNameOrTheDottedLowerCaseForm() {
    LlmopsConfig dotted = sources(Map.of(), props("llmops.sqs.batch.size", "5",
        "llmops.project.id", "dotted", "env", "staging"), null).build();
    assertThat(dotted.get(ModuleSettingsProvider.SQS_BATCH_SIZE)).isEqualTo(5);
    assertThat(dotted.projectId()).isEqualTo("dotted");
    assertThat(dotted.environment()).isEqualTo("staging");

    LlmopsConfig both = sources(Map.of(), props("llmops.sqs.batch.size", "5",
        "LLMOPS_SQS_BATCH_SIZE", "7"), null).build();
    assertThat(both.get(ModuleSettingsProvider.SQS_BATCH_SIZE)).isEqualTo(7);

    // a dotted property still beats the environment
    assertThat(sources(map("LLMOPS_SQS_BATCH_SIZE", "2"), props("llmops.sqs.batch.size", "3"), null)
        .build().get(ModuleSettingsProvider.SQS_BATCH_SIZE)).isEqualTo(3);
  }

  @Test
  void aBlankValueCountsAsNotSet() throws IOException {
    Path file = dotEnv("AWS_SQS_URL=", "PROJECT_ID=from_dotenv");
    LlmopsConfig config = sources(map("LLMOPS_PROJECT_ID", "  "), null, file).build();
    assertThat(config.get(ModuleSettingsProvider.AWS_SQS_URL)).isNull();
    assertThat(config.projectId()).isEqualTo("from_dotenv");
  }

  // ---------------------------------------------------------------- defaults

  @Test
  void everyVariableOfTheSpecificationHasItsDefault() {
    LlmopsConfig c = env();
    assertThat(c.get(LlmopsSettings.PROJECT_ID)).isEqualTo("unknown_project");
    assertThat(c.get(LlmopsSettings.ENVIRONMENT)).isEqualTo("development");
    assertThat(c.get(LlmopsSettings.MODEL_ID)).isEqualTo("anthropic.claude-3-5-sonnet-20241022-v2:0");
    assertThat(c.get(ModuleSettingsProvider.AWS_SQS_URL)).isNull();
    assertThat(c.get(ModuleSettingsProvider.AWS_PROFILE)).isEqualTo("default");
    assertThat(c.get(ModuleSettingsProvider.AWS_REGION)).isEqualTo("us-east-1");
    assertThat(c.get(ModuleSettingsProvider.LANGFUSE_PUBLIC_KEY)).isNull();
    assertThat(c.get(ModuleSettingsProvider.LANGFUSE_BASE_URL)).isNull();
    assertThat(c.get(ModuleSettingsProvider.LANGFUSE_DEBUG)).isFalse();
    assertThat(c.get(ModuleSettingsProvider.SQS_WORKER_COUNT)).isEqualTo(4);
    assertThat(c.get(ModuleSettingsProvider.SQS_BATCH_SIZE)).isEqualTo(10);
    assertThat(c.get(ModuleSettingsProvider.SQS_BATCH_TIMEOUT)).isEqualTo(Duration.ofMillis(200));
    assertThat(c.get(ModuleSettingsProvider.SQS_SHUTDOWN_TIMEOUT)).isEqualTo(Duration.ofSeconds(1));
    assertThat(c.get(ModuleSettingsProvider.SQS_RETRY_ATTEMPTS)).isEqualTo(3);
    assertThat(c.get(ModuleSettingsProvider.SQS_RETRY_DELAY)).isEqualTo(Duration.ofMillis(100));
    assertThat(c.get(ModuleSettingsProvider.SQS_RETRY_BACKOFF_MULTIPLIER)).isEqualTo(2.0);
    assertThat(c.get(ModuleSettingsProvider.SQS_RETRY_MAX_DELAY)).isEqualTo(Duration.ofMillis(500));
    assertThat(c.get(ModuleSettingsProvider.SQS_IMMEDIATE_MAX_BLOCK)).isEqualTo(Duration.ofMillis(250));
    assertThat(c.enabled()).isTrue();
    assertThat(c.autoTrace()).isTrue();
    assertThat(c.sinkNames()).isEmpty();
    assertThat(c.redactKeys()).isEmpty();
    for (SettingKey<?> setting : LlmopsSettings.ALL) {
      assertThat((Object) c.get(setting)).as(setting.name()).isEqualTo(setting.defaultValue());
    }
    for (SettingKey<?> setting : ModuleSettingsProvider.ALL) {
      assertThat((Object) c.get(setting)).as(setting.name()).isEqualTo(setting.defaultValue());
    }
  }

  @Test
  void everyVariableOfTheSpecificationIsHonoured() {
    LlmopsConfig c = env(
        "PROJECT_ID", "p", "ENV", "production", "MODEL_ID", "m",
        "AWS_SQS_URL", "https://sqs.us-east-1.amazonaws.com/123456789/q",
        "AWS_PROFILE", "prod", "AWS_REGION", "eu-central-1",
        "LANGFUSE_PUBLIC_KEY", "pk-lf-1", "LANGFUSE_SECRET_KEY", "sk-lf-1",
        "LANGFUSE_BASE_URL", "https://langfuse.example.com", "LANGFUSE_VERIFY_SSL", "true",
        "LANGFUSE_DEBUG", "yes",
        "LLMOPS_SQS_WORKER_COUNT", "8", "LLMOPS_SQS_BATCH_SIZE", "5",
        "LLMOPS_SQS_BATCH_TIMEOUT", "0.5", "LLMOPS_SQS_FLUSH_TIME_THRESHOLD", "0.25",
        "LLMOPS_SQS_SHUTDOWN_TIMEOUT", "2", "LLMOPS_SQS_RETRY_ATTEMPTS", "0",
        "LLMOPS_SQS_RETRY_DELAY", "0.05", "LLMOPS_SQS_RETRY_BACKOFF_MULTIPLIER", "1.5",
        "LLMOPS_SQS_RETRY_MAX_DELAY", "1.25", "LLMOPS_SQS_IMMEDIATE_MAX_BLOCK_MS", "100",
        "LLMOPS_REDACT_KEYS", "Customer_PIN, ssn");
    assertThat(c.projectId()).isEqualTo("p");
    assertThat(c.environment()).isEqualTo("production");
    assertThat(c.defaultModelId()).isEqualTo("m");
    assertThat(c.get(ModuleSettingsProvider.AWS_SQS_URL)).isEqualTo("https://sqs.us-east-1.amazonaws.com/123456789/q");
    assertThat(c.get(ModuleSettingsProvider.AWS_PROFILE)).isEqualTo("prod");
    assertThat(c.get(ModuleSettingsProvider.AWS_REGION)).isEqualTo("eu-central-1");
    assertThat(c.get(ModuleSettingsProvider.LANGFUSE_PUBLIC_KEY)).isEqualTo("pk-lf-1");
    assertThat(c.get(ModuleSettingsProvider.LANGFUSE_BASE_URL)).isEqualTo("https://langfuse.example.com");
    assertThat(c.get(ModuleSettingsProvider.LANGFUSE_DEBUG)).isTrue();
    assertThat(c.get(ModuleSettingsProvider.SQS_WORKER_COUNT)).isEqualTo(8);
    assertThat(c.get(ModuleSettingsProvider.SQS_BATCH_SIZE)).isEqualTo(5);
    assertThat(c.get(ModuleSettingsProvider.SQS_BATCH_TIMEOUT)).isEqualTo(Duration.ofMillis(500));
    assertThat(c.get(ModuleSettingsProvider.SQS_SHUTDOWN_TIMEOUT)).isEqualTo(Duration.ofSeconds(2));
    assertThat(c.get(ModuleSettingsProvider.SQS_RETRY_ATTEMPTS)).isZero();
    assertThat(c.get(ModuleSettingsProvider.SQS_RETRY_DELAY)).isEqualTo(Duration.ofMillis(50));
    assertThat(c.get(ModuleSettingsProvider.SQS_RETRY_BACKOFF_MULTIPLIER)).isEqualTo(1.5);
    assertThat(c.get(ModuleSettingsProvider.SQS_RETRY_MAX_DELAY)).isEqualTo(Duration.ofMillis(1250));
    assertThat(c.get(ModuleSettingsProvider.SQS_IMMEDIATE_MAX_BLOCK)).isEqualTo(Duration.ofMillis(100));
    assertThat(c.redactKeys()).containsExactly("customer_pin", "ssn");
    assertThat(c.raw("SOME_MODULE_SETTING")).isEmpty();
    assertThat(env("SOME_MODULE_SETTING", "x").raw("SOME_MODULE_SETTING")).contains("x");
  }

  @Test
  void booleansAcceptTheUsualSpellings() {
    for (String yes : List.of("true", "TRUE", "1", "yes", "on", " True ")) {
      assertThat(env("LANGFUSE_DEBUG", yes).get(ModuleSettingsProvider.LANGFUSE_DEBUG)).as(yes).isTrue();
    }
    for (String no : List.of("false", "0", "no", "OFF")) {
      assertThat(env("LANGFUSE_DEBUG", no).get(ModuleSettingsProvider.LANGFUSE_DEBUG)).as(no).isFalse();
    }
  }

  // ---------------------------------------------------------------- validation

  @ParameterizedTest(name = "{0}={1}")
  @CsvSource(delimiter = '|', value = {
      "LLMOPS_SQS_BATCH_SIZE|11",
      "LLMOPS_SQS_BATCH_SIZE|0",
      "LLMOPS_SQS_BATCH_SIZE|ten",
      "LLMOPS_SQS_BATCH_SIZE|2.5",
      "LLMOPS_SQS_WORKER_COUNT|-1",
      "LLMOPS_SQS_RETRY_ATTEMPTS|-3",
      "LLMOPS_SQS_RETRY_DELAY|-0.1",
      "LLMOPS_SQS_BATCH_TIMEOUT|fast",
      "LLMOPS_SQS_BATCH_TIMEOUT|NaN",
      "LLMOPS_SQS_SHUTDOWN_TIMEOUT|Infinity",
      "LLMOPS_SQS_RETRY_BACKOFF_MULTIPLIER|0.5",
      "LLMOPS_SQS_RETRY_MAX_DELAY|-1",
      "LLMOPS_SQS_IMMEDIATE_MAX_BLOCK_MS|0.5",
      "LLMOPS_SQS_IMMEDIATE_MAX_BLOCK_MS|-250",
      "LANGFUSE_DEBUG|maybe",
      "LANGFUSE_DEBUG|2",
      "LLMOPS_ENABLED|enabled",
      "AWS_SQS_URL|ftp://sqs.example.com/q",
      "AWS_SQS_URL|sqs.us-east-1.amazonaws.com/123/q",
      "AWS_SQS_URL|https://",
      "AWS_SQS_URL|not a url",
      "LANGFUSE_BASE_URL|localhost:3000",
      "LLMOPS_MAX_MESSAGE_BYTES|100",
      "LLMOPS_EXPORT_QUEUE_CAPACITY|0",
      "LLMOPS_FINALIZE_GRACE|-5",
  })
  void aBadValueRaisesAnErrorNamingTheVariableButNotTheValue(String name, String raw) {
    // the value itself is never echoed: a secret pasted into the wrong variable stays secret
    assertThatThrownBy(() -> env(name, raw)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith(name + " (from environment)")
        .hasMessageNotContaining("'" + raw + "'")
        .hasMessageContaining("expected").hasMessageContaining("values are never shown");
  }

  @Test
  void theErrorNamesTheNameActuallyUsedAndItsSource() throws IOException {
    assertThatThrownBy(() -> sources(map("ENV", " "), props("PROJECT_ID", "ok"), null)
        .set("LLMOPS_SQS_BATCH_SIZE", "11").build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("LLMOPS_SQS_BATCH_SIZE (from LlmopsConfig.Builder)")
        .hasMessageContaining("from 1 to 10");
    assertThatThrownBy(() -> sources(Map.of(), props("llmops.sqs.batch.size", "11"), null).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("LLMOPS_SQS_BATCH_SIZE (from system property)");
    Path file = dotEnv("LLMOPS_SQS_RETRY_ATTEMPTS=many");
    assertThatThrownBy(() -> sources(Map.of(), null, file).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("LLMOPS_SQS_RETRY_ATTEMPTS (from " + file + ")");
    // an invalid lower source does not matter when a higher one sets the variable
    assertThat(sources(map("LLMOPS_SQS_RETRY_ATTEMPTS", "5"), null, file).build()
        .get(ModuleSettingsProvider.SQS_RETRY_ATTEMPTS)).isEqualTo(5);
  }

  @Test
  void anUnknownSinkNameIsRejected() {
    assertThatThrownBy(() -> env("LLMOPS_SINKS", "file,kafka"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("LLMOPS_SINKS").hasMessageContaining("kafka");
    assertThat(env("LLMOPS_SINKS", " File , console ").sinkNames()).containsExactly("file", "console");
  }

  @Test
  void initAndConfigureFailFast() {
    assertThatThrownBy(() -> Llmops.configure(null)).isInstanceOf(IllegalArgumentException.class);
    String key = "LLMOPS_SQS_BATCH_SIZE";
    String previous = System.getProperty(key);
    System.setProperty(key, "11");
    try {
      assertThatThrownBy(Llmops::init).isInstanceOf(IllegalArgumentException.class)
          .hasMessageStartingWith(key + " (from system property)");
    } finally {
      restore(key, previous);
    }
  }

  @ParameterizedTest(name = "-D{0}={1}")
  @CsvSource({"llmops.sqs.batch.size, eleven", "LLMOPS_SINKS, refusing"})
  void lazyAutoConfigurationWithABadValueDisablesTracingInsteadOfThrowing(String key, String value)
      throws Exception {
    Field current = Tracer.class.getDeclaredField("current");
    current.setAccessible(true);
    Llmops.shutdown(Duration.ofSeconds(5));
    Object installed = current.get(null);
    String previous = System.getProperty(key);
    System.setProperty(key, value);
    try (CapturedLog log = CapturedLog.open()) {
      current.set(null, null); // as in a fresh JVM: the next call configures from the environment
      String traceId = TraceManager.startTrace("lazy");
      try (Span span = Llmops.span("lazy").input("q", "x").start()) {
        assertThat(span.isRecording()).isFalse();
      }
      assertThat(traceId).isNull();
      assertThat(TraceManager.finalizeAndSend()).isFalse();
      assertThat(Llmops.config().enabled()).isFalse();
      assertThat(Llmops.flush(Duration.ofSeconds(1))).isTrue();
      assertThat(log.text()).contains("invalid configuration, tracing is disabled")
          .doesNotContain(value);
    } finally {
      restore(key, previous);
      current.set(null, installed);
    }
  }

  private static void restore(String key, String previous) {
    if (previous == null) {
      System.clearProperty(key);
    } else {
      System.setProperty(key, previous);
    }
  }

  // ---------------------------------------------------------------- .env format

  @Test
  void dotEnvSupportsExportQuotesAndComments() throws IOException {
    Path file = dotEnv(
        "# a comment",
        "",
        "export PROJECT_ID=exported",
        "ENV=\"quoted env\"",
        "MODEL_ID='single-quoted'",
        "AWS_PROFILE=profile # trailing comment",
        "AWS_REGION=\"eu-west-3\"   # comment after quotes",
        "LANGFUSE_PUBLIC_KEY=pk#not-a-comment",
        "   LANGFUSE_DEBUG = true   ",
        "LLMOPS_SQS_BATCH_TIMEOUT=\"0.3\"",
        "llmops.file.sink.dir=ignored-dotted-key");
    LlmopsConfig c = sources(Map.of(), null, file).build();
    assertThat(c.projectId()).isEqualTo("exported");
    assertThat(c.environment()).isEqualTo("quoted env");
    assertThat(c.defaultModelId()).isEqualTo("single-quoted");
    assertThat(c.get(ModuleSettingsProvider.AWS_PROFILE)).isEqualTo("profile");
    assertThat(c.get(ModuleSettingsProvider.AWS_REGION)).isEqualTo("eu-west-3");
    assertThat(c.get(ModuleSettingsProvider.LANGFUSE_PUBLIC_KEY)).isEqualTo("pk#not-a-comment");
    assertThat(c.get(ModuleSettingsProvider.LANGFUSE_DEBUG)).isTrue();
    assertThat(c.get(ModuleSettingsProvider.SQS_BATCH_TIMEOUT)).isEqualTo(Duration.ofMillis(300));
  }

  @Test
  void aDotEnvWithAByteOrderMarkIsRead() throws IOException {
    Path file = dir.resolve("bom.env");
    Files.writeString(file, "\uFEFFPROJECT_ID=bom\nENV=x\n", StandardCharsets.UTF_8);
    LlmopsConfig c = sources(Map.of(), null, file).build();
    assertThat(c.projectId()).isEqualTo("bom");
    assertThat(c.environment()).isEqualTo("x");
  }

  @Test
  void aMalformedDotEnvLineIsRejectedWithFileAndLine() throws IOException {
    for (String bad : List.of("JUST_A_WORD", "1ST=x", "=value", "MY-KEY=x", "export")) {
      Path file = dotEnv("PROJECT_ID=ok", "# fine", bad);
      assertThatThrownBy(() -> sources(Map.of(), null, file).build()).as(bad)
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining(file.toString()).hasMessageContaining("line 3");
    }
  }

  @Test
  void aMissingDotEnvFileIsIgnored() {
    assertThat(sources(Map.of(), null, dir.resolve("absent.env")).build().projectId())
        .isEqualTo("unknown_project");
  }

  // ---------------------------------------------------------------- injection into traces

  @Test
  void environmentAndProjectAreInjectedIntoTheTraceAndEverySpan() {
    CollectingSink sink = new CollectingSink();
    Llmops.configure(sources(map("PROJECT_ID", "env_project", "ENV", "uat"), null, null)
        .addSink(sink).build());
    TraceManager.startTrace("injected");
    try (Span outer = Llmops.agent("outer").metadata("custom", 1).start()) {
      try (Span inner = Llmops.tool("inner").start()) {
        inner.setMetadata("environment", "user-override-is-ignored");
      }
    }
    TraceManager.endTrace();
    Llmops.generation("implicit").run(() -> { });

    List<io.llmops.observability.export.TraceMessage> messages = Exported.flushed(sink);
    assertThat(messages).hasSize(2);
    for (var message : messages) {
      JsonNode trace = io.llmops.observability.testing.WireDecoder.trace(message.body());
      assertThat(trace.get("project_id").asText()).isEqualTo("env_project");
      assertThat(trace.get("environment").asText()).isEqualTo("uat");
      for (JsonNode span : trace.get("spans")) {
        assertThat(span.at("/metadata/project_id").asText()).isEqualTo("env_project");
        assertThat(span.at("/metadata/environment").asText()).isEqualTo("uat");
      }
    }
    JsonNode first = io.llmops.observability.testing.WireDecoder.trace(messages.get(0).body());
    assertThat(first.at("/spans/1/metadata/custom").asInt()).isEqualTo(1);
  }

  @Test
  void aTraceCanOverrideProjectAndEnvironment() {
    CollectingSink sink = new CollectingSink();
    Llmops.configure(TestConfigs.isolated().addSink(sink).build());
    TraceManager.newTrace("overridden").projectId("custom_project").environment("staging").start();
    try (Span span = Llmops.span("child").start()) {
      span.setOutput("ok");
    }
    TraceManager.endTrace();
    JsonNode trace = Exported.onlyTrace(sink);
    assertThat(trace.get("project_id").asText()).isEqualTo("custom_project");
    assertThat(trace.get("environment").asText()).isEqualTo("staging");
    assertThat(trace.at("/spans/0/metadata/project_id").asText()).isEqualTo("custom_project");
    assertThat(trace.at("/spans/0/metadata/environment").asText()).isEqualTo("staging");
    assertThatThrownBy(() -> TraceManager.newTrace("x").projectId(" "))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
