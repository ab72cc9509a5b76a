package io.llmops.observability.processor.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class ProcessorSettingsTest {

  @Test
  void withNoSettingsTheEmbeddedQueueAndTheDefaultsApply() {
    ProcessorSettings settings = ProcessorSettings.from(Map.of("HOME", "/root"), new Properties());

    assertThat(settings.queueUrl()).isNull();
    assertThat(settings.consumers()).isEqualTo(2);
    assertThat(settings.sweepInterval()).isEqualTo(Duration.ofSeconds(60));
    assertThat(settings.healthHost()).isEqualTo("127.0.0.1");
    assertThat(settings.healthPort()).isEqualTo(8087);
    ConsumerOptions options = settings.consumerOptions("http://127.0.0.1:1/000000000000/q");
    assertThat(options.waitTime()).isEqualTo(Duration.ofSeconds(20));
    assertThat(options.maxMessages()).isEqualTo(10);
    assertThat(options.heartbeat()).isEqualTo(Duration.ofSeconds(20));
  }

  @Test
  void aSystemPropertyInEitherFormBeatsTheEnvironment() {
    Properties properties = new Properties();
    properties.setProperty("llmops.processor.consumers", "6");
    properties.setProperty("LLMOPS_PROCESSOR_DIR", "/data/processor");
    ProcessorSettings settings = ProcessorSettings.from(Map.of(
        "AWS_SQS_URL", "https://sqs.eu-west-1.amazonaws.com/123456789012/traces",
        "LLMOPS_PROCESSOR_CONSUMERS", "3", "LLMOPS_PROCESSOR_SWEEP_SECONDS", "15"), properties);

    assertThat(settings.queueUrl()).isEqualTo("https://sqs.eu-west-1.amazonaws.com/123456789012/traces");
    assertThat(settings.consumers()).isEqualTo(6);
    assertThat(settings.sweepInterval()).isEqualTo(Duration.ofSeconds(15));
    assertThat(settings.dataDir()).isEqualTo(Path.of("/data/processor"));
    assertThat(settings.bucket()).isNull();
  }

  @Test
  void anUnknownSettingIsNamed() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> ProcessorSettings.from(Map.of("LLMOPS_PROCESSOR_CONSUMER", "4"), new Properties()))
        .withMessageContaining("LLMOPS_PROCESSOR_CONSUMER")
        .withMessageContaining(ProcessorSettings.CONSUMERS);
  }

  @Test
  void aBadValueIsNamedWithoutBeingEchoed() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> ProcessorSettings.from(Map.of("LLMOPS_PROCESSOR_HEALTH_PORT", "secret-ish"),
            new Properties()))
        .withMessage("LLMOPS_PROCESSOR_HEALTH_PORT must be a whole number from 0 to 65535");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> ProcessorSettings.from(Map.of("LLMOPS_PROCESSOR_CONSUMERS", "0"),
            new Properties()))
        .withMessageContaining("LLMOPS_PROCESSOR_CONSUMERS");
  }

  @Test
  void consumerOptionsOutOfRangeAreNamed() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new ConsumerOptions("http://q", 1, Duration.ofSeconds(21), 10,
            Duration.ofSeconds(60), Duration.ofSeconds(20), Duration.ZERO, Duration.ofSeconds(60),
            Duration.ofSeconds(30)))
        .withMessageStartingWith("waitTime");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new ConsumerOptions("http://q", 1, Duration.ofSeconds(20), 10,
            Duration.ofSeconds(60), Duration.ofSeconds(60), Duration.ZERO, Duration.ofSeconds(60),
            Duration.ofSeconds(30)))
        .withMessageStartingWith("heartbeat");
  }
}
