package io.llmops.observability.sqs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.llmops.observability.Llmops;
import io.llmops.observability.LlmopsConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Building the AWS SQS client takes most of a second on a cold JVM, and the sink's threads,
 * journal and queues some more; the application's thread that configures the SDK (or makes the
 * first traced call, which configures it) pays for neither: it only validates the sink's
 * settings. The sink's own lane thread builds the sink, and the sink's thread that sends first
 * builds the client.
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

  @Test
  void theThreadThatConfiguresTheSdkWithSqsStartsNoMoreThreadsThanWithTheFileSink() {
    List<String> withFile = ThreadsStarted.by("configuring-with-file", () -> Llmops.configure(
        SqsTesting.config("http://127.0.0.1:9/000000000000/never-reached", spillDir)
            .set("LLMOPS_FILE_SINK_DIR", spillDir.resolve("traces").toString()).sinks("file").build()));
    List<String> withSqs = ThreadsStarted.by("configuring-with-sqs", () -> Llmops.configure(
        SqsTesting.config("http://127.0.0.1:9/000000000000/never-reached", spillDir)
            .sinks("sqs").build()));

    assertThat(withFile).contains("llmops-export", "llmops-sink-file");
    assertThat(withSqs).contains("llmops-export", "llmops-sink-sqs")
        .noneMatch(name -> name.startsWith("llmops-sqs-"))
        .hasSameSizeAs(withFile);
  }

  @Test
  void theSqsSinksSettingsAreStillValidatedByTheThreadThatConfiguresTheSdk() {
    LlmopsConfig withoutQueue = LlmopsConfig.builder().environmentVariables(Map.of())
        .systemProperties(new Properties()).dotEnvFile(null).sinks("sqs").build();

    assertThatThrownBy(() -> Llmops.configure(withoutQueue))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(SqsSettings.QUEUE_URL);
    assertThatThrownBy(() -> SqsTesting.config("not a url", spillDir).sinks("sqs").build())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(SqsSettings.QUEUE_URL)
        .hasMessageNotContaining("not a url");
  }
}
