package io.llmops.observability.export;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.llmops.observability.Llmops;
import io.llmops.observability.LlmopsConfig;
import io.llmops.observability.TraceManager;
import io.llmops.observability.internal.export.FileSink;
import io.llmops.observability.testing.CollectingSink;
import io.llmops.observability.testing.Exported;
import io.llmops.observability.testing.TestConfigs;
import io.llmops.observability.testing.WireDecoder;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The file sink writes whole lines only, and says so truthfully: with several processes writing
 * to one directory, while the SDK is reconfigured under load, when the file cannot grow any more,
 * and after a writer died in the middle of a line.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES) // a hung child process must not hang the build
class FileSinkIntegrityTest {

  @TempDir
  Path tempDir;

  @AfterEach
  void shutdown() {
    Llmops.shutdown(Duration.ofSeconds(10));
  }

  @Test
  void twoProcessesWritingToOneDirectoryAtOnceWriteOnlyWholeLines() throws Exception {
    Path directory = tempDir.resolve("traces");
    List<WriterProcess> writers = List.of(
        WriterProcess.start(directory, 150, null), WriterProcess.start(directory, 150, null));
    writers.forEach(WriterProcess::awaitReady);
    writers.forEach(WriterProcess::go);

    long exported = 0;
    for (WriterProcess writer : writers) {
      WriterProcess.Report report = writer.report();
      assertThat(report.failed()).isZero();
      exported += report.exported();
    }
    assertThat(exported).isEqualTo(300);
    assertThat(traceIds(decodeEveryLine(directory))).hasSize(300);
  }

  @Test
  void reconfiguringWhileTracesAreWrittenNeverTearsALine() throws Exception {
    Path directory = tempDir.resolve("traces");
    // a short queue: each runtime replaced has little left to drain
    LlmopsConfig config = TestConfigs.isolated().sinks("file").fileSinkDir(directory)
        .set("LLMOPS_EXPORT_QUEUE_CAPACITY", "16").build();
    Llmops.configure(config);
    AtomicBoolean stop = new AtomicBoolean();
    AtomicInteger sent = new AtomicInteger();
    ExecutorService producers = Executors.newFixedThreadPool(2);
    try {
      for (int p = 0; p < 2; p++) {
        int producer = p;
        producers.execute(() -> {
          Random random = new Random(producer);
          for (int i = 0; !stop.get(); i++) {
            FileSinkWriter.sendLargeTrace("producer-" + producer + "-" + i, random);
            sent.incrementAndGet();
          }
        });
      }
      for (int round = 1; round <= 6; round++) {
        int target = round * 4;
        await().atMost(Duration.ofSeconds(60)).until(() -> sent.get() >= target);
        Llmops.configure(config); // the old runtime drains its queue while the new one writes
      }
    } finally {
      stop.set(true);
      producers.shutdown();
      assertThat(producers.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
    }
    assertThat(Llmops.flush(Duration.ofSeconds(30))).isTrue();

    List<JsonNode> traces = decodeEveryLine(directory);
    assertThat(traces).isNotEmpty();
    assertThat(traceIds(traces)).hasSize(traces.size());
  }

  @Test
  void aFileThatCannotGrowAnyMoreKeepsOnlyWholeLinesAndTheFailuresAreCounted() throws Exception {
    assumeTrue(Files.isExecutable(Path.of("/bin/bash")), "bash sets the child's file size limit");
    Path directory = tempDir.resolve("traces");
    WriterProcess writer = WriterProcess.start(directory, 30, 1024);
    writer.awaitReady();
    writer.go();
    WriterProcess.Report report = writer.report();

    assertThat(report.failed()).as("traces the full file refused").isPositive();
    assertThat(report.exported()).as("traces written before it was full").isPositive();
    assertThat(decodeEveryLine(directory)).hasSize((int) report.exported());
  }

  @Test
  void aLineLeftHalfWrittenByAWriterThatDiedIsRemovedBeforeTheNextBatch() throws IOException {
    List<TraceMessage> messages = twoRealMessages();
    FileSink sink = new FileSink(tempDir.resolve("traces"),
        Clock.fixed(Instant.parse("2026-01-02T03:04:05Z"), ZoneOffset.UTC));

    assertThat(sink.export(List.of(messages.get(0))).isSuccess()).isTrue();
    String cut = messages.get(1).body().substring(0, messages.get(1).body().length() / 2);
    Files.writeString(sink.currentFile(), cut, UTF_8, StandardOpenOption.APPEND);
    assertThat(sink.export(List.of(messages.get(1))).isSuccess()).isTrue();

    assertThat(Files.readAllLines(sink.currentFile(), UTF_8))
        .containsExactly(messages.get(0).body(), messages.get(1).body());
  }

  private static List<TraceMessage> twoRealMessages() {
    CollectingSink collected = new CollectingSink();
    Llmops.configure(TestConfigs.isolated().addSink(collected).build());
    for (String name : List.of("first", "second")) {
      TraceManager.startTrace(name);
      Llmops.span("work").run(() -> { });
      TraceManager.finalizeAndSend();
    }
    return Exported.flushed(collected);
  }

  /** Every line of every file in {@code directory}, decoded; fails on a line cut or mixed. */
  private static List<JsonNode> decodeEveryLine(Path directory) throws IOException {
    List<JsonNode> traces = new ArrayList<>();
    try (Stream<Path> files = Files.list(directory)) {
      for (Path file : files.toList()) {
        String content = Files.readString(file, UTF_8);
        assertThat(content).as("%s ends with a whole line", file).endsWith("\n");
        List<String> lines = content.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
          try {
            traces.add(WireDecoder.trace(lines.get(i)));
          } catch (RuntimeException e) {
            throw new AssertionError("line " + (i + 1) + " of " + file + " does not decode", e);
          }
        }
      }
    }
    return traces;
  }

  private static Set<String> traceIds(List<JsonNode> traces) {
    Set<String> ids = new HashSet<>();
    traces.forEach(trace -> ids.add(trace.get("trace_id").asText()));
    return ids;
  }

  /** A {@link FileSinkWriter} in a JVM of its own, optionally with a file size limit. */
  private static final class WriterProcess {
    private static final Pattern REPORT = Pattern.compile("exported=(\\d+) failed=(\\d+)");

    record Report(long exported, long failed) {}

    private final Process process;
    private final BufferedReader output;

    private WriterProcess(Process process) {
      this.process = process;
      this.output = new BufferedReader(new InputStreamReader(process.getInputStream(), UTF_8));
    }

    /** {@code maxFileKib}: the largest file the process may write (bash's ulimit -f), or null. */
    static WriterProcess start(Path directory, int traces, Integer maxFileKib) throws IOException {
      List<String> command = new ArrayList<>();
      if (maxFileKib != null) {
        command.addAll(List.of("/bin/bash", "-c", "ulimit -f " + maxFileKib + " && exec \"$@\"", "bash"));
      }
      command.addAll(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
          "-Xmx256m", "-XX:TieredStopAtLevel=1", "-XX:-UsePerfData",
          "-cp", System.getProperty("java.class.path"),
          FileSinkWriter.class.getName(), directory.toString(), Integer.toString(traces)));
      return new WriterProcess(new ProcessBuilder(command).redirectErrorStream(true).start());
    }

    void awaitReady() {
      readUntil("ready");
    }

    void go() {
      try {
        OutputStream input = process.getOutputStream();
        input.write('\n');
        input.flush();
      } catch (IOException e) {
        throw new AssertionError("the writer process stopped early", e);
      }
    }

    Report report() throws InterruptedException {
      Matcher matcher = REPORT.matcher(readUntil("exported="));
      assertThat(matcher.find()).isTrue();
      assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
      return new Report(Long.parseLong(matcher.group(1)), Long.parseLong(matcher.group(2)));
    }

    /** Reads the process's output (logs included) up to the first line starting with prefix. */
    private String readUntil(String prefix) {
      StringBuilder seen = new StringBuilder();
      try {
        for (String line; (line = output.readLine()) != null; ) {
          if (line.startsWith(prefix)) {
            return line;
          }
          seen.append(line).append('\n');
        }
      } catch (IOException e) {
        throw new AssertionError(e);
      }
      throw new AssertionError("the writer process ended without '" + prefix + "':\n" + seen);
    }
  }
}
