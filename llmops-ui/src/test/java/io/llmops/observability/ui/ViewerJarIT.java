package io.llmops.observability.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The runnable jar as {@code ./llmops ui} starts it (failsafe, after {@code package}): it prints
 * its URL, and SLF4J, which sqlite-jdbc logs through, finds its one provider without a notice.
 */
class ViewerJarIT {

  @TempDir Path data;
  @TempDir Path traces;

  @Test
  void theJarStartsAndPrintsItsAddressWithoutAnySlf4jNotice() throws Exception {
    Path jar = Path.of(System.getProperty("llmops.ui.jar"));
    Path stderr = data.resolve("stderr.txt");
    Process viewer = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-jar", jar.toString(), "--data-dir", data.resolve("db").toString(), "--watch", traces.toString(),
        "--port", "0")
        .redirectError(stderr.toFile())
        .start();
    String address;
    try (BufferedReader out = new BufferedReader(new InputStreamReader(viewer.getInputStream(), StandardCharsets.UTF_8))) {
      address = out.readLine();
    } finally {
      viewer.destroy();
      viewer.waitFor(30, TimeUnit.SECONDS);
    }

    assertThat(address).startsWith("llmops ui: traces at http://127.0.0.1:");
    assertThat(Files.readString(stderr)).doesNotContain("SLF4J");
  }
}
