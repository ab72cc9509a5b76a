package io.llmops.observability;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.llmops.observability.export.ExportResult;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

/**
 * Invalid arguments to the configuration builder and the value objects raise
 * IllegalArgumentException naming the parameter, never NullPointerException.
 */
class InvalidArgumentsTest {

  private static void rejects(ThrowingCallable call, String field) {
    assertThatThrownBy(call).isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(field);
  }

  @Test
  void theConfigurationBuilderNamesTheArgument() {
    LlmopsConfig.Builder builder = LlmopsConfig.builder();
    rejects(() -> builder.set("LLMOPS_PROJECT_ID", null), "LLMOPS_PROJECT_ID");
    rejects(() -> builder.projectId(null), "LLMOPS_PROJECT_ID");
    rejects(() -> builder.sinks((String[]) null), "names");
    rejects(() -> builder.sinks("file", null), "names[1]");
    rejects(() -> builder.fileSinkDir((Path) null), "dir");
    rejects(() -> builder.addSink(null), "sink");
    rejects(() -> builder.environmentVariables(null), "env");
    Map<String, String> withNull = new HashMap<>();
    withNull.put("LLMOPS_ENV", null);
    rejects(() -> builder.environmentVariables(withNull), "env[LLMOPS_ENV]");
  }

  @Test
  void aBuiltConfigurationNamesTheArgument() {
    LlmopsConfig config = LlmopsConfig.builder().environmentVariables(Map.of())
        .systemProperties(new java.util.Properties()).dotEnvFile(null).build();
    rejects(() -> config.get(null), "key");
    rejects(() -> config.raw(null), "name");
  }

  @Test
  void settingKeysNameTheArgument() {
    rejects(() -> SettingKey.of("X", raw -> raw, null, null), "expectation");
    rejects(() -> SettingKey.choice("X", null, null), "type");
    rejects(() -> SettingKey.spelling(null), "constant");
    SettingKey<String> key = SettingKey.text("X", "text", null);
    rejects(() -> key.withAliases((String[]) null), "aliases");
    rejects(() -> key.withAliases("Y", null), "aliases[1]");
    rejects(() -> key.withAliases(" "), "aliases[0]");
    rejects(() -> key.parse("environment", "X", null), "X (from environment)");
  }

  @Test
  void valueObjectsNameTheArgument() {
    rejects(() -> ExportResult.failure(null), "reason");
    List<LlmResponse.ToolCall> calls = Arrays.asList(new LlmResponse.ToolCall("1", "t", "{}"), null);
    rejects(() -> LlmResponse.builder().toolCalls(calls).build(), "toolCalls");
  }
}
