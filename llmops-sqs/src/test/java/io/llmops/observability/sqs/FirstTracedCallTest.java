package io.llmops.observability.sqs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.llmops.observability.Llmops;
import io.llmops.observability.TraceManager;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Building the AWS SQS client takes most of a second on a cold JVM; the application's thread
 * that configures the SDK (or makes the first traced call, which configures it) never pays it.
 */
class FirstTracedCallTest {

  @TempDir Path spillDir;

  @AfterEach
  void shutdown() {
    Llmops.shutdown(Duration.ofSeconds(5));
  }

  @Test
  void theSqsClientIsBuiltOnAStartUpThreadNotOnTheThreadThatConfiguresTheSdk() {
    ClientBuilds.clear();

    Llmops.configure(SqsTesting.config("http://127.0.0.1:9/000000000000/never-sent", spillDir)
        .sinks("sqs").build());
    TraceManager.startTrace("first");

    await().atMost(Duration.ofSeconds(30)).until(() -> !ClientBuilds.threads().isEmpty());
    assertThat(ClientBuilds.threads())
        .doesNotContain(Thread.currentThread().getName())
        .containsOnly("llmops-sqs-start");
  }
}
