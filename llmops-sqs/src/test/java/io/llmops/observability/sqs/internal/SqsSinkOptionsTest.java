package io.llmops.observability.sqs.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.llmops.observability.LlmopsConfig;
import io.llmops.observability.sqs.SqsSettings;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class SqsSinkOptionsTest {

  private static LlmopsConfig.Builder config() {
    return LlmopsConfig.builder().environmentVariables(Map.of()).systemProperties(new Properties())
        .dotEnvFile(null).set(SqsSettings.QUEUE_URL, "http://127.0.0.1:9324/000000000000/traces");
  }

  @Test
  void deliveryIsInMemoryUnlessWriteAheadIsAskedFor() {
    assertThat(SqsSinkOptions.from(config().build()).delivery()).isEqualTo(DeliveryMode.IN_MEMORY);
    assertThat(SqsSinkOptions.from(config().set(SqsSettings.DELIVERY, "write-ahead").build()).delivery())
        .isEqualTo(DeliveryMode.WRITE_AHEAD);
    assertThat(SqsSinkOptions.from(config().set(SqsSettings.DELIVERY, " In-Memory ").build()).delivery())
        .isEqualTo(DeliveryMode.IN_MEMORY);
  }

  @Test
  void anUnknownDeliveryModeIsRejectedNamingTheVariable() {
    assertThatThrownBy(() -> SqsSinkOptions.from(config().set(SqsSettings.DELIVERY, "journal").build()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("LLMOPS_SQS_DELIVERY")
        .hasMessageContaining("in-memory, write-ahead");
  }
}
