package io.llmops.observability.agent;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.llmops.observability.TrackFunction;
import io.llmops.observability.TraceManager;
import io.llmops.observability.agent.testing.AgentTest;
import java.io.File;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A class compiled with {@code -g:none} and without {@code -parameters}: no names anywhere. */
class NoDebugInfoTest extends AgentTest {

  private static final String SOURCE = String.join("\n",
      "package nodebug;",
      "import io.llmops.observability.TrackFunction;",
      "public class Stripped {",
      "  @TrackFunction(captureLocals = \"*\")",
      "  public String join(String left, int right) {",
      "    String joined = left + right;",
      "    return joined;",
      "  }",
      "}");

  @Test
  void argumentsAreRecordedPositionallyAndLocalsAreSkipped(@TempDir Path dir) throws Exception {
    Path source = dir.resolve("nodebug/Stripped.java");
    Files.createDirectories(source.getParent());
    Files.writeString(source, SOURCE);
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    String core = new File(TrackFunction.class.getProtectionDomain().getCodeSource().getLocation().toURI()).getPath();
    int status = javac.run(null, null, null, "-g:none", "--release", "17", "-cp", core,
        "-d", dir.toString(), source.toString());
    assertThat(status).isZero();

    try (URLClassLoader loader = new URLClassLoader(new URL[] {dir.toUri().toURL()}, getClass().getClassLoader())) {
      Class<?> type = loader.loadClass("nodebug.Stripped");
      Object instance = type.getConstructor().newInstance();
      Method join = type.getMethod("join", String.class, int.class);
      TraceManager.startTrace("stripped");
      assertThat(join.invoke(instance, "a", 1)).isEqualTo("a1");
      TraceManager.endTrace();
    }

    JsonNode span = span("join");
    assertThat(span.at("/input_data/args").get(0).asText()).isEqualTo("a");
    assertThat(span.at("/input_data/args").get(1).asInt()).isEqualTo(1);
    assertThat(span.at("/input_data/kwargs").size()).isZero();
    assertThat(span.at("/input_data/locals").size()).isZero();
    assertThat(span.at("/output_data/output").asText()).isEqualTo("a1");
  }
}
