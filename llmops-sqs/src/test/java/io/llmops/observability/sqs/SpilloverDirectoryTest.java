package io.llmops.observability.sqs;

import static org.assertj.core.api.Assertions.assertThat;

import io.llmops.observability.Llmops;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The spillover journal creates nothing on disk until there is something to keep, and a
 * process that leaves it empty removes what it created (not a directory its operator prepared).
 */
class SpilloverDirectoryTest {

  @TempDir Path dir;

  @Test
  void aRunThatDeliversEverythingCreatesNoSpilloverDirectory() {
    Path journal = dir.resolve("llmops-spillover");
    try (ElasticMq sqs = ElasticMq.start()) {
      Llmops.configure(SqsTesting.config(sqs.createQueue("traces"), journal).sinks("sqs").build());
      SqsTesting.sendTrace(1);
      assertThat(Llmops.flush(Duration.ofSeconds(30))).isTrue();
      Llmops.shutdown(Duration.ofSeconds(10));
    }

    assertThat(journal).doesNotExist();
  }

  @Test
  void theRunThatReplaysTheLastSpilledMessageLeavesNoLockFileBehind() throws Exception {
    Path journal = dir.resolve("llmops-spillover");
    spillOneTrace(journal);
    assertThat(journal).isNotEmptyDirectory();

    replayEverything(journal);

    assertThat(journal).isEmptyDirectory();
  }

  private static void spillOneTrace(Path journal) throws Exception {
    int closedPort = SqsTesting.closedPort();
    Llmops.configure(SqsTesting.config(ElasticMq.queueUrl(closedPort, "traces"), journal)
        .sinks("sqs").build());
    SqsTesting.sendTrace(1);
    Llmops.shutdown(Duration.ofSeconds(10));
  }

  private static void replayEverything(Path journal) {
    try (ElasticMq sqs = ElasticMq.start()) {
      String queue = sqs.createQueue("traces");
      Llmops.configure(SqsTesting.config(queue, journal).sinks("sqs").build());
      SqsTesting.receiveTraces(sqs, queue, 1, new ArrayList<>());
      Llmops.shutdown(Duration.ofSeconds(10));
    }
  }
}
