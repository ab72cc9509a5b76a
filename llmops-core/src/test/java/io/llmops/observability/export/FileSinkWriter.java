package io.llmops.observability.export;

import io.llmops.observability.Llmops;
import io.llmops.observability.LlmopsStats;
import io.llmops.observability.Span;
import io.llmops.observability.TraceManager;
import io.llmops.observability.testing.TestConfigs;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Random;

/**
 * A process of its own that writes traces through the file sink: {@code <directory> <traces>}.
 * It prints {@code ready}, waits for a line on standard input (so that several writers can be
 * started together), sends the traces one write at a time, and prints
 * {@code exported=<n> failed=<n>}.
 */
public final class FileSinkWriter {

  private FileSinkWriter() {}

  public static void main(String[] args) throws Exception {
    Path directory = Path.of(args[0]);
    int traces = Integer.parseInt(args[1]);
    Llmops.configure(TestConfigs.isolated().sinks("file").fileSinkDir(directory)
        .set("LLMOPS_EXPORT_QUEUE_CAPACITY", "100000").build());
    System.out.println("ready");
    System.out.flush();
    new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
    Random random = new Random(ProcessHandle.current().pid());
    for (int i = 0; i < traces; i++) {
      sendLargeTrace("writer-" + ProcessHandle.current().pid() + "-" + i, random);
      Llmops.flush(Duration.ofSeconds(60)); // one trace per write: many writes, each may meet the other writer's
    }
    LlmopsStats stats = Llmops.stats();
    System.out.println("exported=" + stats.get("handed_off.file")
        + " failed=" + stats.get("export_failed.file"));
    Llmops.shutdown(Duration.ofSeconds(10));
  }

  /**
   * A trace whose message is about 80 kB of poorly compressible text: large enough that writing
   * it takes many system calls, so that writers running at once would interleave inside a line.
   */
  static void sendLargeTrace(String name, Random random) {
    TraceManager.startTrace(name);
    for (int span = 0; span < 8; span++) {
      try (Span work = Llmops.span("part-" + span).start()) {
        work.setOutput(randomText(random, 12_000));
      }
    }
    TraceManager.finalizeAndSend();
  }

  /** Random lower-case words: poorly compressible, and nothing a secret detector would redact. */
  private static String randomText(Random random, int length) {
    StringBuilder text = new StringBuilder(length);
    while (text.length() < length) {
      int word = 2 + random.nextInt(7);
      for (int i = 0; i < word; i++) {
        text.append((char) ('a' + random.nextInt(26)));
      }
      text.append(' ');
    }
    return text.toString();
  }
}
