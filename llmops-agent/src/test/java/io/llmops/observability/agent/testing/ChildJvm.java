package io.llmops.observability.agent.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/** Runs a main class in a JVM of its own, on this test run's class path. */
public final class ChildJvm {

  /** What the child JVM wrote. */
  public record Output(String stdout, String stderr) {}

  private ChildJvm() {}

  /** The {@code java} launcher of the JDK running the build. */
  public static String thisJava() {
    return Paths.get(System.getProperty("java.home"), "bin", "java").toString();
  }

  /** The lines of a child JVM's standard error that warn (HotSpot's and the JDK's alike). */
  public static List<String> warnings(String stderr) {
    return stderr.lines().filter(line -> line.toLowerCase(Locale.ROOT).contains("warning")).toList();
  }

  /** Runs {@code main} with {@code java} and the JVM options; fails unless it exits with 0. */
  public static Output run(Class<?> main, String java, String... jvmOptions)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(java);
    command.addAll(List.of(jvmOptions));
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(main.getName());
    Path stderr = Files.createTempFile("child-jvm", ".stderr");
    try {
      Process process = new ProcessBuilder(command).redirectError(stderr.toFile()).start();
      String stdout = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
      Output output = new Output(stdout, Files.readString(stderr));
      assertThat(process.exitValue()).as(output.toString()).isZero();
      return output;
    } finally {
      Files.delete(stderr);
    }
  }
}
