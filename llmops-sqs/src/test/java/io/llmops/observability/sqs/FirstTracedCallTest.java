package io.llmops.observability.sqs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.llmops.observability.Llmops;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Building the AWS SQS client takes most of a second on a cold JVM; the application's thread
 * that configures the SDK (or makes the first traced call, which configures it) never pays it:
 * the sink's own thread that sends first builds it.
 */
class FirstTracedCallTest {

  @TempDir Path spillDir;

  @AfterEach
  void shutdown() {
    Llmops.shutdown(Duration.ofSeconds(5));
  }

  @Test
  void theSqsClientIsBuiltByTheSinksOwnThreadNotByTheThreadThatConfiguresTheSdk() {
    ClientBuilds.clear();

    Llmops.configure(SqsTesting.config("http://127.0.0.1:9/000000000000/never-reached", spillDir)
        .sinks("sqs").build());
    SqsTesting.sendTrace(1);

    await().atMost(Duration.ofSeconds(30)).until(() -> !ClientBuilds.threads().isEmpty());
    assertThat(ClientBuilds.threads())
        .doesNotContain(Thread.currentThread().getName())
        .allMatch(name -> name.startsWith("llmops-sqs-"), "a thread of the SQS sink");
  }
}
