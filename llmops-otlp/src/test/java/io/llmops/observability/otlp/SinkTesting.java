package io.llmops.observability.otlp;

import io.llmops.observability.LlmopsConfig;
import io.llmops.observability.export.TraceMessage;
import io.llmops.observability.testing.TestConfigs;

/** Configurations pointing the sinks at a local receiver, and messages to give them. */
final class SinkTesting {

  private SinkTesting() {}

  /** The langfuse sink's settings for {@code receiver}, with short retries and timeouts. */
  static LlmopsConfig.Builder langfuse(OtlpReceiver receiver) {
    return fast(TestConfigs.isolated())
        .set(OtlpSettings.LANGFUSE_PUBLIC_KEY, "pk-lf-test")
        .set(OtlpSettings.LANGFUSE_SECRET_KEY, "sk-lf-test")
        .set(OtlpSettings.LANGFUSE_BASE_URL, receiver.baseUrl());
  }

  static LlmopsConfig.Builder fast(LlmopsConfig.Builder builder) {
    return builder
        .set(OtlpSettings.RETRY_DELAY, "0.05")
        .set(OtlpSettings.TIMEOUT, "5");
  }

  /** The fixture trace as the SDK hands it to a sink. */
  static TraceMessage everySpanTypeMessage() {
    byte[] json = Fixtures.everySpanType();
    return new TraceMessage("4bf92f35-77b3-4da6-a3ce-929d0e0e4736", "SDKTraceData", "{}",
        "0123456789abcdef0123456789abcdef", json, 6);
  }
}
