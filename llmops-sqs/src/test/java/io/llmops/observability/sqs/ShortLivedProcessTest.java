package io.llmops.observability.sqs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A process that exits a moment after sending, while SQS cannot be reached, leaves its messages
 * in the spillover journal and says so in its log: how many, where, and that the next start
 * replays them, although its shutdown runs in the JVM's exit hooks (where the JDK's logging has
 * often removed its handlers already).
 */
class ShortLivedProcessTest {

  private static final int TRACES = 3;

  @TempDir Path dir;

  @Test
  void aProcessThatExitsWhileTheQueuePortIsClosedSaysWhereItsMessagesWaitAndThatTheyAreReplayed()
      throws Exception {
    int closedPort = SqsTesting.closedPort();

    String log = runApp(ElasticMq.queueUrl(closedPort, "traces"));

    assertSaysWhereTheMessagesWait(log);
  }

  @Test
  void aProcessThatExitsWhileSqsAcceptsConnectionsAndNeverAnswersSaysWhereItsMessagesWait()
      throws Exception {
    try (SilentServer silent = new SilentServer()) {
      String log = runApp(ElasticMq.queueUrl(silent.port(), "traces"));

      assertSaysWhereTheMessagesWait(log);
    }
  }

  private void assertSaysWhereTheMessagesWait(String log) {
    Path journal = dir.resolve("spill").toAbsolutePath();
    assertThat(log).contains(TRACES + " message(s) not delivered to SQS wait in the spillover journal "
        + journal);
    assertThat(log).contains("the next process started with this LLMOPS_SPILLOVER_DIR replays them");
  }

  /** Runs {@link ShortLivedApp} to its end and returns its standard error. */
  private String runApp(String queueUrl) throws Exception {
    Path stderr = dir.resolve("stderr.txt");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    ProcessBuilder builder = new ProcessBuilder(java, "-Xmx256m", "-XX:TieredStopAtLevel=1",
        "-cp", System.getProperty("java.class.path"), ShortLivedApp.class.getName(),
        queueUrl, dir.resolve("spill").toString(), Integer.toString(TRACES));
    builder.redirectOutput(ProcessBuilder.Redirect.DISCARD);
    builder.redirectError(stderr.toFile());
    Process process = builder.start();
    if (!process.waitFor(90, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("the short-lived process did not exit");
    }
    return Files.readString(stderr, StandardCharsets.UTF_8);
  }
}
