package io.llmops.observability.sqs;

import static org.awaitility.Awaitility.await;

import io.llmops.observability.testing.ChildJvmLogging;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/** A running {@link SinkProcess}: commands go to its standard input, its lines come from a file. */
final class ChildSink implements AutoCloseable {

  private static final Duration PATIENCE = Duration.ofSeconds(60);

  final Process process;
  private final Path output;
  private final Writer commands;

  private ChildSink(Process process, Path output) {
    this.process = process;
    this.output = output;
    this.commands = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
  }

  /**
   * Starts a child sink on {@code spillDir} sending to {@code queueUrl}, with further settings as
   * {@code NAME=value}; waits until it runs.
   */
  static ChildSink start(Path spillDir, String queueUrl, String delivery, Path output, String... settings)
      throws IOException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> command = new java.util.ArrayList<>(List.of(java, "-Xmx256m", "-XX:TieredStopAtLevel=1"));
    command.addAll(ChildJvmLogging.sameAsThisJvm());
    command.addAll(List.of("-cp", System.getProperty("java.class.path"), SinkProcess.class.getName(),
        spillDir.toString(), queueUrl, delivery));
    command.addAll(List.of(settings));
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.redirectOutput(output.toFile());
    builder.redirectError(ProcessBuilder.Redirect.INHERIT);
    ChildSink child = new ChildSink(builder.start(), output);
    child.awaitOutput(lines -> lines.stream().anyMatch(line -> line.startsWith("ready ")));
    return child;
  }

  /** The directory its journal writes to: the spillover directory or its own subdirectory. */
  Path journalDirectory() throws IOException {
    String ready = lines().stream().filter(l -> l.startsWith("ready ")).findFirst().orElseThrow();
    return Path.of(ready.substring("ready ".length(), ready.length() - 2));
  }

  /** Exports messages {@code first} to {@code first + count - 1}; returns once export() returned for all. */
  void export(long first, int count) throws IOException {
    send("export " + first + " " + count);
    long last = first + count - 1;
    awaitOutput(lines -> lines.stream().anyMatch(line -> {
      String[] parts = line.split(" ");
      return parts[0].equals("exported") && Long.parseLong(parts[1]) + Long.parseLong(parts[2]) - 1 == last;
    }));
  }

  /** Waits until every message exported so far was sent or spilled. */
  void flush() throws IOException {
    long before = flushes(lines());
    send("flush");
    awaitOutput(lines -> flushes(lines) > before);
  }

  private static long flushes(List<String> lines) {
    return lines.stream().filter(line -> line.equals("flushed .")).count();
  }

  /** Exports without end, 16 messages at a time, from {@code first}. */
  void flood(long first) throws IOException {
    send("flood " + first);
  }

  /** The ids of the messages for which export() returned. */
  Set<Long> exported() throws IOException {
    Set<Long> ids = new HashSet<>();
    for (String line : lines()) {
      String[] parts = line.split(" ");
      if (parts[0].equals("exported")) {
        long from = Long.parseLong(parts[1]);
        for (long id = from; id < from + Long.parseLong(parts[2]); id++) {
          ids.add(id);
        }
      }
    }
    return ids;
  }

  /** Shuts the sink down and waits for the process to exit; returns its counters. */
  Map<String, Long> shutdown() throws Exception {
    send("shutdown");
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      throw new AssertionError("the child did not exit after shutdown");
    }
    Map<String, Long> counters = new HashMap<>();
    for (String line : lines()) {
      String[] parts = line.split(" ");
      if (parts[0].equals("counter")) {
        counters.put(parts[1], Long.parseLong(parts[2]));
      }
    }
    return counters;
  }

  /** {@code kill -9}. */
  void kill() throws InterruptedException {
    killAll(this);
  }

  /** {@code kill -9} to each, one right after the other, then waits until all are gone. */
  static void killAll(ChildSink... children) throws InterruptedException {
    for (ChildSink child : children) {
      child.process.destroyForcibly();
    }
    for (ChildSink child : children) {
      if (!child.process.waitFor(30, TimeUnit.SECONDS)) {
        throw new AssertionError("a child survived kill -9");
      }
    }
  }

  private void send(String command) throws IOException {
    commands.write(command + "\n");
    commands.flush();
  }

  private void awaitOutput(Predicate<List<String>> condition) {
    await().atMost(PATIENCE).pollInterval(Duration.ofMillis(20))
        .until(() -> {
          if (!process.isAlive()) {
            throw new AssertionError("the child exited with " + process.exitValue() + ":\n" + lines());
          }
          return condition.test(lines());
        });
  }

  /** The complete lines printed so far (a line cut by a kill is left out). */
  List<String> lines() throws IOException {
    return Files.readAllLines(output, StandardCharsets.UTF_8).stream().filter(l -> l.endsWith(" .")).toList();
  }

  @Override
  public void close() throws InterruptedException {
    if (process.isAlive()) {
      kill();
    }
  }
}
