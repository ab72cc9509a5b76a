package io.llmops.observability.internal.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.llmops.observability.LlmopsConfig;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Multi-line values as dotenv tools write them, and errors that never quote a value. */
class DotEnvTest {

  private static final String KEY_BODY = "MIIEvgIBADANBgkqhkiG9w0BAQEFAASCBKgwggSkAgEAAoIBAQaNaMYmbdzw";
  private static final String PEM = "-----BEGIN PRIVATE KEY-----\n" + KEY_BODY
      + "\n-----END PRIVATE KEY-----";

  @TempDir
  Path dir;

  private Path file(String content) throws IOException {
    Path file = dir.resolve(".env");
    Files.writeString(file, content, StandardCharsets.UTF_8);
    return file;
  }

  @Test
  void aDoubleQuotedValueRunsOverSeveralLines() throws IOException {
    Map<String, String> values = DotEnv.read(file(
        "PROJECT_ID=chatbot\nSIGNING_KEY=\"" + PEM + "\"\nENV=uat\n"));
    assertThat(values).containsEntry("SIGNING_KEY", PEM).containsEntry("PROJECT_ID", "chatbot")
        .containsEntry("ENV", "uat");
  }

  @Test
  void aDoubleQuotedValueExpandsEscapes() throws IOException {
    Map<String, String> values = DotEnv.read(file(
        "ONE_LINE_PEM=\"-----BEGIN PRIVATE KEY-----\\n" + KEY_BODY + "\\n-----END PRIVATE KEY-----\"\n"
            + "OTHERS=\"tab\\there, \\\"quoted\\\", back\\\\slash, \\q kept\"\n"));
    assertThat(values.get("ONE_LINE_PEM")).isEqualTo(PEM);
    assertThat(values.get("OTHERS")).isEqualTo("tab\there, \"quoted\", back\\slash, \\q kept");
  }

  @Test
  void singleQuotesAndBackticksKeepTheirContentAsWrittenOverSeveralLines() throws IOException {
    Map<String, String> values = DotEnv.read(file(
        "SINGLE='first\\n\nsecond # not a comment'  # a comment\nTICKS=`a\nb`\nAFTER=1\n"));
    assertThat(values).containsEntry("SINGLE", "first\\n\nsecond # not a comment")
        .containsEntry("TICKS", "a\nb").containsEntry("AFTER", "1");
  }

  @Test
  void windowsLineEndingsInsideAQuotedValueBecomeLineFeeds() throws IOException {
    Map<String, String> values = DotEnv.read(file(
        "SIGNING_KEY=\"" + PEM.replace("\n", "\r\n") + "\"\r\nENV=uat\r\n"));
    assertThat(values).containsEntry("SIGNING_KEY", PEM).containsEntry("ENV", "uat");
  }

  @Test
  void anUnclosedQuoteNamesTheFileTheLineAndTheKeyButNotTheValue() throws IOException {
    Path file = file("PROJECT_ID=chatbot\n# the key\nSIGNING_KEY=\"" + PEM + "\nENV=uat\n");
    assertThatThrownBy(() -> DotEnv.read(file)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(file.toString()).hasMessageContaining("line 3")
        .hasMessageContaining("SIGNING_KEY").hasMessageNotContaining(KEY_BODY.substring(0, 8))
        .hasMessageNotContaining("BEGIN");
  }

  @Test
  void textAfterAClosingQuoteIsRejectedWithoutQuotingIt() throws IOException {
    Path file = file("API_TOKEN=\"abc\"def-secret-part\n");
    assertThatThrownBy(() -> DotEnv.read(file)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(file.toString()).hasMessageContaining("line 1")
        .hasMessageContaining("API_TOKEN").hasMessageNotContaining("abc")
        .hasMessageNotContaining("secret-part");
  }

  @Test
  void aMalformedLineIsRejectedWithoutQuotingIt() throws IOException {
    for (String bad : new String[] {"sk-live-pasted-secret-0123", "MY-KEY=pasted-secret-0123",
        "=pasted-secret-0123", "export pasted-secret-0123"}) {
      Path file = file("PROJECT_ID=ok\n" + bad + "\n");
      assertThatThrownBy(() -> DotEnv.read(file)).as(bad)
          .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("line 2")
          .hasMessageNotContaining("pasted-secret");
    }
  }

  @Test
  void aFileThatIsNotUtf8IsRejectedWithItsNameOnly() throws IOException {
    Path file = dir.resolve("latin1.env");
    Files.write(file, "PASSWORD=caf\u00e9-secret\n".getBytes(StandardCharsets.ISO_8859_1));
    assertThatThrownBy(() -> DotEnv.read(file)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(file.toString()).hasMessageNotContaining("secret");
  }

  @Test
  void aConfigurationReadsAPrivateKeyWrittenOverSeveralLinesInItsDotEnv() throws IOException {
    Path file = file("PROJECT_ID=from_dotenv\nLANGFUSE_SECRET_KEY=\"" + PEM + "\"\nENV=uat\n");
    LlmopsConfig config = LlmopsConfig.builder().environmentVariables(Map.of())
        .systemProperties(new Properties()).dotEnvFile(file).build();
    assertThat(config.projectId()).isEqualTo("from_dotenv");
    assertThat(config.environment()).isEqualTo("uat");
  }
}
