package io.llmops.observability.processor.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The processor as {@code ./llmops processor} starts it (failsafe, after {@code package} wrote
 * {@code runtime-classpath.txt}): with the embedded queue it starts, says where it reads, and
 * SLF4J finds its one provider without a notice.
 */
class ProcessorMainIT {

  @TempDir Path data;

  @Test
  void theProcessorStartsOnItsShippedClassPathWithoutAnySlf4jNotice() throws Exception {
    String classPath = System.getProperty("llmops.processor.classpath") + File.pathSeparator
        + Files.readString(Path.of(System.getProperty("llmops.processor.classpath.file"))).trim();
    Path stderr = data.resolve("stderr.txt");
    ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Dllmops.processor.dir=" + data.resolve("processor"), "-cp", classPath, ProcessorMain.class.getName())
        .redirectError(stderr.toFile());
    builder.environment().put(ProcessorSettings.HEALTH_PORT, "0");
    builder.environment().remove(ProcessorSettings.QUEUE_URL);
    Process processor = builder.start();
    String firstLine;
    try (BufferedReader out = new BufferedReader(new InputStreamReader(processor.getInputStream(), StandardCharsets.UTF_8))) {
      firstLine = out.readLine();
    } finally {
      processor.destroy();
      processor.waitFor(30, TimeUnit.SECONDS);
    }

    assertThat(Files.readString(stderr)).doesNotContain("SLF4J");
    assertThat(firstLine).startsWith("llmops processor: ").contains("in-process SQS queue");
  }
}
