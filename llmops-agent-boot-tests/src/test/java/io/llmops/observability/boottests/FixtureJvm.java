package io.llmops.observability.boottests;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The fixture application in a JVM of its own started with {@code -javaagent:} the packaged
 * agent: as a Spring Boot executable jar, or its plain classes on a flat class path. The child
 * inherits no {@code LLMOPS_*} variable of this JVM's, only those given. Returns what it printed
 * (standard output and error, the log one line per record) once it exited with 0.
 */
final class FixtureJvm {

  private static final Path AGENT_JAR = Path.of(System.getProperty("llmops.agent.jar"));
  private static final String MAIN_CLASS = "io.llmops.fixtures.boot.FixtureApplication";

  private FixtureJvm() {}

  /** {@code java -javaagent:... -jar executableJar args}. */
  static String executableJar(Path work, Path executableJar, Map<String, String> environment,
      String... args) throws IOException, InterruptedException {
    return run(work, List.of("-jar", executableJar.toString()), environment, args);
  }

  /** {@code java -javaagent:... -cp classes:dependencies FixtureApplication args}. */
  static String flatClassPath(Path work, String... args) throws IOException, InterruptedException {
    String classPath = System.getProperty("boot.fixture.classes") + File.pathSeparator
        + Files.readString(Path.of(System.getProperty("boot.fixture.class.path"))).trim();
    return run(work, List.of("-cp", classPath, MAIN_CLASS), Map.of(), args);
  }

  private static String run(Path work, List<String> launch, Map<String, String> environment,
      String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-javaagent:" + AGENT_JAR);
    // One line per JUL record: level, logger, message (Spring, the agent and a core log through JUL).
    command.add("-Djava.util.logging.SimpleFormatter.format=%4$s %3$s %5$s%6$s%n");
    command.addAll(launch);
    command.addAll(List.of(args));
    Path output = Files.createTempFile(work, "jvm", ".out");
    ProcessBuilder builder = new ProcessBuilder(command).directory(work.toFile())
        .redirectErrorStream(true).redirectOutput(output.toFile());
    builder.environment().keySet().removeIf(name -> name.startsWith("LLMOPS_"));
    builder.environment().putAll(environment);
    Process process = builder.start();
    boolean exited = process.waitFor(120, TimeUnit.SECONDS);
    if (!exited) {
      process.destroyForcibly().waitFor();
    }
    String printed = Files.readString(output);
    assertThat(exited).as("the JVM ended; it printed:\n%s", printed).isTrue();
    assertThat(process.exitValue()).as("exit code; it printed:\n%s", printed).isZero();
    return printed;
  }

  /** The warnings and errors that llmops (the agent or a core) logged. */
  static List<String> llmopsWarnings(String printed) {
    return printed.lines()
        .filter(line -> line.startsWith("WARNING io.llmops") || line.startsWith("SEVERE io.llmops"))
        .toList();
  }
}
