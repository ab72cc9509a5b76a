package io.llmops.observability.evals;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.llmops.observability.evals.FakeChatServer.Reply;
import io.llmops.observability.testing.WireDecoder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Evaluations still queued when the JVM exits, in a JVM of its own ({@link QueuedAtExitMain})
 * with a file sink and an OpenAI-compatible judge on 127.0.0.1: they get {@value
 * JudgeConfig#SHUTDOWN_TIMEOUT} to be judged and are exported before the core's pipeline stops;
 * a judge that never answers holds exit up no longer than that.
 */
class EvaluationsAtExitTest {

  private static final String VERDICT =
      "{\"score\": 0.75, \"label\": \"relevant\", \"rationale\": \"On topic.\"}";
  private static final Pattern EXITING = Pattern.compile("exiting pending=(\\d+) at=(\\d+)");

  @TempDir Path work;

  /** What the child printed, and how long after {@code main} returned the process was gone. */
  private record Exit(String output, int pendingAtExit, long exitMillis) {}

  @Test
  void evaluationsQueuedAtExitAreJudgedAndExported() throws Exception {
    try (FakeChatServer judge = new FakeChatServer(request -> slowly(Reply.assistant(VERDICT)))) {
      Exit exit = runChild(judge, 3, "30");

      assertThat(exit.pendingAtExit()).as(exit.output()).isEqualTo(3);
      assertThat(judge.requests()).hasSize(3);
      assertThat(exportedSpans("evaluation")).as(exit.output()).hasSize(3).allSatisfy(span -> {
        assertThat(span.at("/input_data/evaluation/score").asDouble()).isEqualTo(0.75);
        assertThat(span.at("/input_data/evaluation/label").asText()).isEqualTo("relevant");
      });
    }
  }

  @Test
  void aJudgeThatNeverAnswersHoldsExitUpNoLongerThanTheBound() throws Exception {
    try (FakeChatServer judge = new FakeChatServer(request -> Reply.hanging())) {
      Exit exit = runChild(judge, 2, "1");

      assertThat(exit.pendingAtExit()).as(exit.output()).isEqualTo(2);
      // they got the 1 s bound (less a little for wall-clock granularity), not the judge's own
      // 60 s timeout: only the bound and the core's shutdown are waited for
      assertThat(exit.exitMillis()).as(exit.output()).isBetween(950L, 5_000L);
      assertThat(exportedSpans("generation")).hasSize(1);
      assertThat(exportedSpans("evaluation")).isEmpty();
    }
  }

  /** Runs {@link QueuedAtExitMain} with {@code evaluations} and the exit bound in seconds. */
  private Exit runChild(FakeChatServer judge, int evaluations, String exitSeconds)
      throws Exception {
    Path output = work.resolve("output.txt");
    List<String> command = new ArrayList<>(List.of(
        Paths.get(System.getProperty("java.home"), "bin", "java").toString(),
        "-DLLMOPS_SINKS=file",
        "-DLLMOPS_FILE_SINK_DIR=" + work.resolve("traces"),
        "-D" + JudgeConfig.JUDGE + "=openai",
        "-D" + JudgeConfig.MODEL + "=judge-model",
        "-D" + JudgeConfig.BASE_URL + "=" + judge.baseUrl(),
        "-D" + JudgeConfig.TIMEOUT + "=60",
        "-D" + JudgeConfig.THREADS + "=1",
        "-D" + JudgeConfig.SHUTDOWN_TIMEOUT + "=" + exitSeconds,
        "-cp", System.getProperty("java.class.path"),
        QueuedAtExitMain.class.getName(), Integer.toString(evaluations)));
    Process process = new ProcessBuilder(command).directory(work.toFile())
        .redirectErrorStream(true).redirectOutput(output.toFile()).start();
    boolean exited = process.waitFor(60, TimeUnit.SECONDS);
    long exitedAt = System.currentTimeMillis();
    if (!exited) {
      process.destroyForcibly();
    }
    String text = Files.readString(output, UTF_8);
    assertThat(exited).as(text).isTrue();
    assertThat(process.exitValue()).as(text).isZero();
    Matcher line = EXITING.matcher(text);
    assertThat(line.find()).as(text).isTrue();
    return new Exit(text, Integer.parseInt(line.group(1)), exitedAt - Long.parseLong(line.group(2)));
  }

  /** The spans of {@code type} in every message the file sink wrote. */
  private List<JsonNode> exportedSpans(String type) throws Exception {
    List<JsonNode> spans = new ArrayList<>();
    try (Stream<Path> files = Files.list(work.resolve("traces"))) {
      for (Path file : files.toList()) {
        for (String message : Files.readAllLines(file, UTF_8)) {
          WireDecoder.trace(message).get("spans").forEach(span -> {
            if (span.get("span_type").asText().equals(type)) {
              spans.add(span);
            }
          });
        }
      }
    }
    return spans;
  }

  /** A judge that takes its time: 300 ms per answer. */
  private static Reply slowly(Reply reply) {
    try {
      Thread.sleep(300);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return reply;
  }
}
