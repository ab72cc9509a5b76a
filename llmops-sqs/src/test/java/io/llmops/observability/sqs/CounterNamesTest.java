package io.llmops.observability.sqs;

import static org.assertj.core.api.Assertions.assertThat;

import io.llmops.observability.Llmops;
import io.llmops.observability.LlmopsStats;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The counters say what happened to a trace: handed to the SQS sink, then delivered to SQS or
 * spilled to the journal. No counter calls a trace that never reached SQS "exported".
 */
class CounterNamesTest {

  @TempDir Path spillDir;

  @Test
  void aTraceSpilledBecauseSqsIsUnreachableIsCountedAsHandedOffAndSpilledNeverAsExported()
      throws Exception {
    int closedPort = SqsTesting.closedPort();
    Llmops.configure(SqsTesting.config(ElasticMq.queueUrl(closedPort, "traces"), spillDir)
        .sinks("sqs").build());

    SqsTesting.sendTrace(1);
    Llmops.shutdown(Duration.ofSeconds(10));

    LlmopsStats stats = Llmops.stats();
    assertThat(stats.get("handed_off.sqs")).isEqualTo(1);
    assertThat(stats.get(SqsSettings.COUNTER_SPILLED)).isEqualTo(1);
    assertThat(stats.get(SqsSettings.COUNTER_SENT)).isZero();
    assertThat(stats.counters().keySet()).noneMatch(name -> name.startsWith("exported."));
  }
}
