package io.llmops.observability.processor.sink;

import static org.assertj.core.api.Assertions.assertThat;

import io.llmops.observability.otlp.OtlpReceiver;
import io.llmops.observability.processor.ExportedTrace;
import io.llmops.observability.processor.LocalFolderStore;
import io.llmops.observability.testing.CapturedLog;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The processor's sinks against real HTTP servers on 127.0.0.1 that fail as scripted. */
class SinkFaultsTest {

  private static final String ROOT = "11111111-2222-4333-8444-555555555555";
  private static final String CHILD = "22222222-2222-4333-8444-666666666666";

  @TempDir Path folder;

  private final OtlpReceiver otlp = OtlpReceiver.start();
  private final OtlpReceiver langfuse = OtlpReceiver.start();
  private final ExportedTrace export = Exports.first(Exports.trace("support", "prod", ROOT, CHILD));

  @AfterEach
  void stopServers() {
    otlp.close();
    langfuse.close();
  }

  @Test
  void a5xxIsRetriedUntilTheBackendTakesTheSpans() {
    otlp.answer(503).answer(500);

    try (SinkFanOut fanOut = fanOut("otlp", Map.of())) {
      assertThat(fanOut.deliver(export)).isTrue();
    }
    assertThat(otlp.requests()).hasSize(3);
    assertThat(otlp.requests().get(2).spans()).hasSize(2);
  }

  @Test
  void a429WithRetryAfterIsRetriedUntilTheBackendTakesTheSpans() {
    otlp.answer(429, Map.of("Retry-After", "1"), "{}");

    try (SinkFanOut fanOut = fanOut("otlp", Map.of())) {
      assertThat(fanOut.deliver(export)).isTrue();
    }
    assertThat(otlp.requests()).hasSize(2);
  }

  @Test
  void a400IsNotRetriedAndLeavesTheExportUndelivered() {
    otlp.answer(400);

    try (CapturedLog log = CapturedLog.open(); SinkFanOut fanOut = fanOut("otlp", Map.of())) {
      assertThat(fanOut.deliver(export)).isFalse();
      assertThat(fanOut.counters()).containsEntry("sink.otlp.failed", 1L)
          .doesNotContainKey("sink.otlp.retried");
      assertThat(log.messages()).contains("sink otlp: export " + Exports.TRACE_ID
          + " not delivered: otlp sink: the endpoint refused the request (HTTP 4xx, not retried;"
          + " llmops-otlp logs the setting to fix once per status); it stays for the next delivery");
    }
    assertThat(otlp.requests()).hasSize(1);
  }

  @Test
  void aBackendThatNeverAnswersFailsAtTheDeadlineWhileTheOtherSinksDeliver() {
    otlp.hang();

    try (CapturedLog log = CapturedLog.open();
        SinkFanOut fanOut = fanOut("archive,otlp", Map.of(ProcessorSinks.DEADLINE, "3"))) {
      assertThat(fanOut.deliver(export)).isFalse();
      assertThat(fanOut.counters()).containsEntry("sink.archive.delivered", 1L)
          .containsEntry("sink.otlp.failed", 1L);
      assertThat(log.text()).contains("sink otlp: export " + Exports.TRACE_ID + " not delivered");
    }
    assertThat(otlp.requests()).singleElement();
  }

  @Test
  void oneFailingSinkDoesNotStopTheOthersAndTheRetrySendsOnlyToIt() {
    otlp.answer(500).answer(500).answer(500);

    try (CapturedLog log = CapturedLog.open();
        SinkFanOut fanOut = fanOut("archive,langfuse,otlp", SpanSinkTest.langfuseSettings(langfuse))) {
      assertThat(fanOut.deliver(export)).isFalse();
      assertThat(fanOut.deliver(export)).isTrue();

      assertThat(fanOut.counters()).containsEntry("sink.archive.delivered", 1L)
          .containsEntry("sink.archive.skipped", 1L)
          .containsEntry("sink.langfuse.delivered", 1L)
          .containsEntry("sink.langfuse.skipped", 1L)
          .containsEntry("sink.otlp.failed", 1L)
          .containsEntry("sink.otlp.delivered", 1L);
      assertThat(log.text()).contains("sink otlp: export " + Exports.TRACE_ID
          + " not delivered: otlp sink: not delivered after its own retries");
    }
    assertThat(langfuse.requests()).hasSize(1);
    assertThat(otlp.requests()).hasSize(4);
    assertThat(otlp.requests().get(3).spans()).hasSize(2);
  }

  private SinkFanOut fanOut(String sinks, Map<String, String> more) {
    Map<String, String> settings = new HashMap<>(more);
    settings.put(ProcessorSinks.SINKS, sinks);
    settings.put("OTEL_EXPORTER_OTLP_ENDPOINT", otlp.baseUrl());
    settings.putIfAbsent("LLMOPS_OTLP_RETRY_DELAY", "0.05");
    settings.putIfAbsent("LLMOPS_OTLP_RETRY_ATTEMPTS", "3");
    settings.put(ProcessorSinks.BACKOFF, "0.01");
    settings.putIfAbsent(ProcessorSinks.DEADLINE, "20");
    return ProcessorSinks.fromSettings(settings, new LocalFolderStore(folder));
  }
}
