package io.llmops.examples.rag;

import static org.assertj.core.api.Assertions.assertThat;

import io.llmops.observability.Llmops;
import io.llmops.observability.sqs.SqsSettings;
import io.llmops.observability.testing.TestConfigs;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The demo's default path: through the SQS sink into an in-process ElasticMQ and back. */
class RagDemoSqsTest {

  static {
    WovenDemo.ensureAgentInstalled();
  }

  @TempDir Path spillDir;

  @Test
  void theDemoSendsItsTraceToTheInProcessQueueAndDecodesWhatArrives() {
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    PrintStream original = System.out;
    try (LocalSqs sqs = LocalSqs.start()) {
      System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
      try {
        RagDemo.run(new String[] {"How old is Java?"}, TestConfigs.isolated()
            .set(SqsSettings.QUEUE_URL, sqs.queueUrl())
            .sinks("sqs")
            .set(SqsSettings.SPILLOVER_DIR, spillDir.toString())
            .build(), new DemoSqs(sqs));
      } finally {
        Llmops.shutdown(Duration.ofSeconds(5));
        System.setOut(original);
      }
    }
    String output = captured.toString(StandardCharsets.UTF_8);
    System.out.println(output);

    assertThat(output).contains("SQS messages sent: 1; spilled to disk: 0");
    assertThat(output).contains("Received back from the queue: 1 message(s)");
    assertThat(output).containsPattern("this run's trace [0-9a-f-]{36} \"rag_demo\": 15 spans, 459 input \\+ 97 output tokens");
    assertThat(output).contains("Spillover journal: " + spillDir.toAbsolutePath());
  }

  @Test
  void aMessageBodyIsDecodedAsTheSpecificationsConsumerDoesIt() {
    String json = "{\"trace_id\":\"t-1\",\"trace_name\":\"n\",\"spans\":[{},{}],"
        + "\"token_usage\":{\"total_input_tokens\":3,\"total_output_tokens\":4}}";
    java.io.ByteArrayOutputStream gzip = new java.io.ByteArrayOutputStream();
    try (java.util.zip.GZIPOutputStream out = new java.util.zip.GZIPOutputStream(gzip)) {
      out.write(json.getBytes(StandardCharsets.UTF_8));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    String body = "{\"compressed\":true,\"data\":\""
        + java.util.Base64.getEncoder().encodeToString(gzip.toByteArray())
        + "\",\"trace_id\":\"t-1\",\"type\":\"SDKTraceData\"}";

    ArrivedTrace arrived = ArrivedTrace.decode(body);

    assertThat(arrived.traceId()).isEqualTo("t-1");
    assertThat(arrived.name()).isEqualTo("n");
    assertThat(arrived.spans()).isEqualTo(2);
    assertThat(arrived.inputTokens()).isEqualTo(3);
    assertThat(arrived.outputTokens()).isEqualTo(4);
    assertThat(arrived.jsonBytes()).isEqualTo(json.length());
  }
}
