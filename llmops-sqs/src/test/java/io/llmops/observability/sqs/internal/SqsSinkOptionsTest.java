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
  void theRegionIsTheOneAnAwsQueueUrlNamesUnlessAwsRegionIsSet() {
    assertThat(regionFor("https://sqs.eu-west-3.amazonaws.com/123456789012/traces", null))
        .isEqualTo("eu-west-3");
    assertThat(regionFor("https://sqs.cn-north-1.amazonaws.com.cn/123456789012/traces", null))
        .isEqualTo("cn-north-1");
    assertThat(regionFor("https://sqs.eu-west-3.amazonaws.com/123456789012/traces", "ap-south-1"))
        .isEqualTo("ap-south-1");
  }

  @Test
  void aQueueUrlThatNamesNoRegionGetsTheDefaultRegion() {
    assertThat(regionFor("http://127.0.0.1:9324/000000000000/traces", null)).isEqualTo("us-east-1");
    assertThat(regionFor("https://sqs.amazonaws.com/123456789012/traces", null)).isEqualTo("us-east-1");
    assertThat(regionFor("https://sqs.a.b.amazonaws.com/123456789012/traces", null)).isEqualTo("us-east-1");
    assertThat(regionFor("https://queue.amazonaws.com/123456789012/traces", null)).isEqualTo("us-east-1");
  }

  private static String regionFor(String queueUrl, String awsRegion) {
    LlmopsConfig.Builder builder = config().set(SqsSettings.QUEUE_URL, queueUrl);
    if (awsRegion != null) {
      builder.set(SqsSettings.REGION, awsRegion);
    }
    return SqsSinkOptions.from(builder.build()).region();
  }

  @Test
  void anEndpointOverrideWinsOverTheQueueUrlsHostAndABlankOneIsIgnored() {
    assertThat(SqsSinkOptions.from(config().set("AWS_ENDPOINT_URL", " http://127.0.0.1:4566 ").build())
        .endpoint()).hasToString("http://127.0.0.1:4566");
    assertThat(SqsSinkOptions.from(config().set("AWS_ENDPOINT_URL_SQS", "http://127.0.0.1:4567")
        .set("AWS_ENDPOINT_URL", "http://127.0.0.1:4566").build()).endpoint())
        .hasToString("http://127.0.0.1:4567");
    assertThat(SqsSinkOptions.from(config().set("AWS_ENDPOINT_URL_SQS", " ").build()).endpoint())
        .hasToString("http://127.0.0.1:9324");
  }

  @Test
  void anUnknownDeliveryModeIsRejectedNamingTheVariable() {
    assertThatThrownBy(() -> SqsSinkOptions.from(config().set(SqsSettings.DELIVERY, "journal").build()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("LLMOPS_SQS_DELIVERY")
        .hasMessageContaining("in-memory, write-ahead");
  }
}
