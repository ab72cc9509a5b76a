package io.llmops.observability.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs a main class of the test class path in a fresh JVM with its own options, for what one
 * JVM cannot show about itself: a small heap, a crash, a second process. Its output goes to a
 * file, read once it exited (a pipe can lose the last lines of a killed child).
 */
public final class ChildJvm {

  /** What the child printed and how it ended. */
  public record Result(int exitCode, List<String> lines) {
    /** The value after {@code key=} on the last line starting with it, or null. */
    public String value(String key) {
      String found = null;
      for (String line : lines) {
        if (line.startsWith(key + "=")) {
          found = line.substring(key.length() + 1);
        }
      }
      return found;
    }
  }

  private ChildJvm() {}

  /** Runs {@code mainClass} with {@code jvmOptions} and {@code args}; fails after {@code timeoutSeconds}. */
  public static Result run(Path workDir, List<String> jvmOptions, Class<?> mainClass,
      long timeoutSeconds, String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(jvmOptions);
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(mainClass.getName());
    command.addAll(List.of(args));
    Path output = Files.createTempFile(workDir, "child", ".out");
    Process process = new ProcessBuilder(command).directory(workDir.toFile())
        .redirectErrorStream(true).redirectOutput(output.toFile()).start();
    boolean exited = process.waitFor(timeoutSeconds, TimeUnit.SECONDS);
    if (!exited) {
      process.destroyForcibly().waitFor();
    }
    List<String> lines = Files.readAllLines(output, StandardCharsets.UTF_8);
    assertThat(exited).as("child exited in time; it printed:\n%s", String.join("\n", lines)).isTrue();
    return new Result(process.exitValue(), lines);
  }
}
