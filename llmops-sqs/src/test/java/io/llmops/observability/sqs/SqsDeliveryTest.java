package io.llmops.observability.sqs;

import static io.llmops.observability.sqs.SqsTesting.PATIENCE;
import static io.llmops.observability.sqs.SqsTesting.config;
import static io.llmops.observability.sqs.SqsTesting.decode;
import static io.llmops.observability.sqs.SqsTesting.receiveTraces;
import static io.llmops.observability.sqs.SqsTesting.sendTrace;
import static io.llmops.observability.sqs.SqsTesting.traceIdsOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.llmops.observability.Llmops;
import io.llmops.observability.LlmopsStats;
import io.llmops.observability.testing.CapturedLog;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;

class SqsDeliveryTest {

  @TempDir Path spillDir;
  @RegisterExtension final Cleanup cleanup = new Cleanup();


  private ElasticMq elasticMq() {
    return cleanup.add(ElasticMq.start());
  }

  @Test
  void everyTraceSentThroughThePublicApiArrivesOnceDecodableWithItsAttributes() {
    ElasticMq server = elasticMq();
    String queue = server.createQueue("traces");
    Llmops.configure(config(queue, spillDir).build());

    int n = 60;
    Set<String> sent = new HashSet<>();
    for (int i = 0; i < n; i++) {
      sent.add(sendTrace(i));
    }
    assertThat(Llmops.flush(Duration.ofSeconds(30))).isTrue();

    List<Message> received = receiveTraces(server, queue, n, new ArrayList<>());
    assertThat(received).hasSize(n);
    for (Message message : received) {
      JsonNode wrapper = SqsTesting.wrapper(message.body());
      JsonNode trace = decode(message.body());
      assertThat(wrapper.get("compressed").asBoolean()).isTrue();
      assertThat(wrapper.get("type").asText()).isEqualTo("SDKTraceData");
      assertThat(message.messageAttributes().get("trace_id").stringValue())
          .isEqualTo(trace.get("trace_id").asText()).isEqualTo(wrapper.get("trace_id").asText());
      assertThat(message.messageAttributes().get("type").stringValue()).isEqualTo("SDKTraceData");
      assertThat(trace.get("project_id").asText()).isEqualTo("sqs_test");
      assertThat(trace.get("spans").size()).isEqualTo(1);
      assertThat(trace.get("idempotency_key").asText()).isNotBlank();
    }
    assertThat(traceIdsOf(received)).isEqualTo(sent);
    LlmopsStats stats = Llmops.stats();
    assertThat(stats.get(SqsSettings.COUNTER_SENT)).isEqualTo(n);
    // batches of up to 10: at least n / 10 requests, and at most one per message
    assertThat(stats.get(SqsSettings.COUNTER_REQUESTS)).isBetween((long) n / 10, (long) n);
    assertThat(stats.get(SqsSettings.COUNTER_SPILLED)).isZero();
    assertThat(stats.dropped()).isZero();
  }

  @Test
  void whenSqsIsDownForAWhileEveryTraceArrivesAndDuplicatesShareTheirIdempotencyKey() {
    ElasticMq first = ElasticMq.start();
    int port = first.port;
    String queue = first.createQueue("traces");
    Llmops.configure(config(queue, spillDir).build());
    List<Message> received = new CopyOnWriteArrayList<>();

    Set<String> sent = new HashSet<>();
    for (int i = 0; i < 20; i++) {
      sent.add(sendTrace(i));
    }
    assertThat(Llmops.flush(Duration.ofSeconds(30))).isTrue();
    receiveTraces(first, queue, 20, received);
    first.close();

    for (int i = 20; i < 50; i++) {
      sent.add(sendTrace(i));
    }
    await().atMost(PATIENCE).until(() -> Llmops.stats().get(SqsSettings.COUNTER_SPILLED) >= 30);

    ElasticMq second = cleanup.add(ElasticMq.startOn(port));
    second.createQueue("traces");
    receiveTraces(second, queue, 50, received);

    assertThat(traceIdsOf(received)).isEqualTo(sent);
    Map<String, Set<String>> keysByTrace = new HashMap<>();
    for (Message m : received) {
      JsonNode trace = decode(m.body());
      keysByTrace.computeIfAbsent(trace.get("trace_id").asText(), k -> new HashSet<>())
          .add(trace.get("idempotency_key").asText());
    }
    assertThat(keysByTrace.values()).allSatisfy(keys -> assertThat(keys).hasSize(1));
    assertThat(Llmops.stats().get(SqsSettings.COUNTER_REPLAYED)).isGreaterThanOrEqualTo(30);
    assertThat(Llmops.stats().dropped()).isZero();
  }

  @Test
  void whenSqsHangsShutdownReturnsWithinItsBoundAndTheSpilledTracesAreDeliveredLater() throws Exception {
    Set<String> sent = new HashSet<>();
    try (SilentServer silent = new SilentServer()) {
      String hangingQueue = ElasticMq.queueUrl(silent.port(), "traces");
      Llmops.configure(config(hangingQueue, spillDir)
          .set("LLMOPS_SQS_SHUTDOWN_TIMEOUT", "1")
          .set(SqsSettings.REQUEST_TIMEOUT, "60")
          .build());

      long callerStart = System.nanoTime();
      for (int i = 0; i < 8; i++) {
        sent.add(sendTrace(i));
      }
      long callerMillis = (System.nanoTime() - callerStart) / 1_000_000;
      assertThat(callerMillis).as("callers never wait on SQS").isLessThan(2_000);

      long flushStart = System.nanoTime();
      boolean flushed = Llmops.flush(Duration.ofMillis(500));
      long flushMillis = (System.nanoTime() - flushStart) / 1_000_000;
      assertThat(flushed).isFalse();
      assertThat(flushMillis).isLessThan(500 + 2_000);

      long shutdownStart = System.nanoTime();
      Llmops.shutdown(Duration.ofSeconds(5));
      long shutdownMillis = (System.nanoTime() - shutdownStart) / 1_000_000;
      assertThat(shutdownMillis).as("bounded by LLMOPS_SQS_SHUTDOWN_TIMEOUT=1s plus margin").isLessThan(1_000 + 2_500);
      // a worker interrupted mid-send may finish writing its share a moment after shutdown returns
      await().atMost(Duration.ofSeconds(5))
          .until(() -> Llmops.stats().get(SqsSettings.COUNTER_SPILLED) == 8);
    }

    ElasticMq server = elasticMq();
    String queue = server.createQueue("traces");
    Llmops.configure(config(queue, spillDir).build());
    List<Message> received = receiveTraces(server, queue, 8, new ArrayList<>());
    assertThat(traceIdsOf(received)).isEqualTo(sent);
    assertThat(Llmops.stats().get(SqsSettings.COUNTER_REPLAYED)).isEqualTo(8);
  }

  @Test
  void aFifoQueueGetsTheTraceIdAsGroupAndTheIdempotencyKeyAsDeduplicationId() {
    ElasticMq server = elasticMq();
    String queue = server.createQueue("traces.fifo");
    Llmops.configure(config(queue, spillDir).build());
    for (int i = 0; i < 5; i++) {
      sendTrace(i);
    }
    assertThat(Llmops.flush(Duration.ofSeconds(30))).isTrue();

    List<Message> received = new ArrayList<>();
    await().atMost(PATIENCE).until(() -> {
      received.addAll(server.receiveWithSystemAttributes(queue));
      return received.size() >= 5;
    });
    for (Message m : received) {
      JsonNode trace = decode(m.body());
      assertThat(m.attributes().get(MessageSystemAttributeName.MESSAGE_GROUP_ID))
          .isEqualTo(trace.get("trace_id").asText());
      assertThat(m.attributes().get(MessageSystemAttributeName.MESSAGE_DEDUPLICATION_ID))
          .isEqualTo(trace.get("idempotency_key").asText());
    }
  }

  @Test
  void withSqsDownAndAnUnwritableSpilloverDirectoryTheApplicationGoesOnAndTheLossIsCounted() throws IOException {
    Path notADirectory = Files.writeString(spillDir.resolve("file"), "x");
    int closedPort;
    try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      closedPort = s.getLocalPort();
    }
    try (CapturedLog log = CapturedLog.open()) {
      Llmops.configure(config(ElasticMq.queueUrl(closedPort, "traces"), notADirectory.resolve("spill"))
          .set("LLMOPS_SQS_RETRY_ATTEMPTS", "1").build());

      for (int i = 0; i < 10; i++) {
        sendTrace(i);
      }

      await().atMost(PATIENCE).until(() -> Llmops.stats().get(SqsSettings.DROPPED_SPILL_FAILED) == 10);
      assertThat(Llmops.stats().get(SqsSettings.COUNTER_SENT)).isZero();
      assertThat(log.text())
          .contains("cannot use the spillover directory " + notADirectory.resolve("spill"))
          .contains("message(s) SQS could not take were lost")
          .contains("counted as dropped.spill_failed");
    }
  }
}
