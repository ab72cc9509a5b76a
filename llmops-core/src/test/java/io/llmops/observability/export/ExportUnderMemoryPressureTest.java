package io.llmops.observability.export;

import static org.assertj.core.api.Assertions.assertThat;

import io.llmops.observability.Llmops;
import io.llmops.observability.LlmopsStats;
import io.llmops.observability.Span;
import io.llmops.observability.TraceManager;
import io.llmops.observability.testing.ChildJvm;
import io.llmops.observability.testing.TestConfigs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * In a JVM with a small heap: one large value referenced thousands of times is captured within
 * its budget (the caller and the export worker stay within the heap), and when the worker runs
 * out of memory all the same it loses only the trace in hand, counts it at once, goes on with
 * the next traces, and shutdown reports the loss.
 */
@Timeout(240)
class ExportUnderMemoryPressureTest {

  @TempDir Path dir;

  /** The child: traces as told by its first argument, then the counters and the shutdown result. */
  public static final class Child {
    public static void main(String[] args) throws Exception {
      Llmops.configure(TestConfigs.isolated().sinks("file").fileSinkDir(Path.of(args[1])).build());
      if (args[0].equals("shared-string")) {
        String oneMib = "s".repeat(1 << 20);
        List<String> everywhere = Collections.nCopies(10_000, oneMib);
        for (int i = 0; i < 20; i++) {
          try (Span span = Llmops.span("huge_" + i).start()) {
            span.setOutput(everywhere);
            span.setInput("again", everywhere);
          }
        }
      } else {
        oneTraceTooLargeToEncode();
        Llmops.flush(Duration.ofSeconds(60));
        System.out.println("dropped_after_flush=" + lost(Llmops.stats()));
        for (int i = 0; i < 5; i++) {
          Llmops.span("normal_" + i).run(() -> { });
        }
      }
      Llmops.flush(Duration.ofSeconds(60));
      LlmopsStats stats = Llmops.stats();
      System.out.println("exported=" + stats.get("handed_off.file"));
      System.out.println("dropped=" + stats.dropped());
      System.out.println("lost=" + lost(stats));
      System.out.println("shutdown=" + Llmops.shutdown(Duration.ofSeconds(30)));
    }

    private static long lost(LlmopsStats stats) {
      return stats.get("dropped.worker_error") + stats.get("dropped.encoding_failed");
    }

    /** Thousands of spans of control characters: each is written as six bytes of JSON. */
    private static void oneTraceTooLargeToEncode() {
      String control = "\u0001".repeat(700);
      TraceManager.startTrace("too_large");
      for (int i = 0; i < 10_000; i++) {
        try (Span span = Llmops.span("s").start()) {
          span.setOutput(control);
        }
      }
      TraceManager.finalizeAndSend(null, null);
    }
  }

  private long linesWritten() throws Exception {
    try (Stream<Path> files = Files.list(dir.resolve("traces"))) {
      long lines = 0;
      for (Path file : files.toList()) {
        lines += Files.readAllLines(file).size();
      }
      return lines;
    }
  }

  @Test
  void aValueReferencedThousandsOfTimesFitsASmallHeap() throws Exception {
    ChildJvm.Result result = ChildJvm.run(dir, List.of("-Xmx256m"), Child.class, 200,
        "shared-string", dir.resolve("traces").toString());
    assertThat(result.exitCode()).as(String.join("\n", result.lines())).isZero();
    assertThat(result.value("exported")).isEqualTo("20");
    assertThat(result.value("dropped")).isEqualTo("0");
    assertThat(result.value("shutdown")).isEqualTo("true");
    assertThat(linesWritten()).isEqualTo(20);
  }

  @Test
  void aWorkerOutOfMemoryLosesOnlyItsTraceCountedAtOnce() throws Exception {
    ChildJvm.Result result = ChildJvm.run(dir, List.of("-Xmx96m"), Child.class, 200,
        "worker-oom", dir.resolve("traces").toString());
    assertThat(result.exitCode()).as(String.join("\n", result.lines())).isZero();
    assertThat(result.value("dropped_after_flush")).isEqualTo("1");
    assertThat(result.value("exported")).isEqualTo("5");
    assertThat(result.value("shutdown")).isEqualTo("false");
    assertThat(linesWritten()).isEqualTo(5);
  }
}
