package io.llmops.examples.rag;

import static org.assertj.core.api.Assertions.assertThat;

import io.llmops.observability.Llmops;
import io.llmops.observability.LlmopsConfig;
import io.llmops.observability.sqs.SqsSettings;
import io.llmops.observability.testing.TestConfigs;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
    String output;
    try (LocalSqs sqs = LocalSqs.start()) {
      output = runDemo(TestConfigs.isolated()
          .set(SqsSettings.QUEUE_URL, sqs.queueUrl())
          .sinks("sqs")
          .set(SqsSettings.SPILLOVER_DIR, spillDir.resolve("journal").toString())
          .build(), new DemoSqs(sqs));
    }

    assertThat(output).contains("Delivered to SQS: 3 message(s)");
    assertThat(output).doesNotContain("spilled");
    assertThat(output).contains("Received back from the queue: 3 message(s)");
    // The processor's half: the trace, the profile service's segment and the late feedback.
    assertThat(output).contains(
        "Processor (the pipeline of ./llmops processor, in this JVM): 3 message(s) in, 0 left on the queue");
    assertThat(output).containsPattern("merged trace [0-9a-f-]{36}: 19 spans, 2 evaluation\\(s\\)");
    assertThat(output).contains("See it in a browser: ./llmops ui");
    Matcher parent = Pattern.compile("this run's trace ([0-9a-f-]{36}) \"rag_demo\": 16 spans, "
        + RagAgentTest.JAVA_INPUT_TOKENS + " input \\+ " + RagAgentTest.JAVA_OUTPUT_TOKENS
        + " output tokens; a child segment from another service is on its way").matcher(output);
    assertThat(parent.find()).as(output).isTrue();
    assertThat(output).as("the profile service's part, with the same trace id")
        .containsPattern("this run's child segment of trace " + parent.group(1)
            + " \"[^\"]+\": 2 spans, 0 input \\+ 0 output tokens;");
    assertThat(spillDir.resolve("journal")).as("nothing spilled, nothing created").doesNotExist();
  }

  @Test
  void whenSqsCannotBeReachedTheDemoSaysTheTraceWasSpilledAndWhereNotThatItWasDelivered()
      throws Exception {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closedPort = socket.getLocalPort();
    }
    Path journal = spillDir.resolve("journal");
    String output = runDemo(TestConfigs.isolated()
        .set(SqsSettings.QUEUE_URL, "http://127.0.0.1:" + closedPort + "/000000000000/llmops-demo")
        .sinks("sqs")
        .set(SqsSettings.SPILLOVER_DIR, journal.toString())
        .set("LLMOPS_SQS_RETRY_DELAY", "0.05")
        .set("LLMOPS_SQS_RETRY_MAX_DELAY", "0.1")
        .build(), new DemoSqs(null));

    assertThat(output).contains("Delivered to SQS: 0 message(s)");
    assertThat(output).contains("Not delivered, spilled to the journal at " + journal.toAbsolutePath()
        + ": 3 message(s); the next run with this journal replays them");
    assertThat(output).doesNotContain("Delivered: true");
  }

  /** Runs the demo on {@code config} to its end and returns what it printed. */
  private static String runDemo(LlmopsConfig config, DemoSqs sqs) {
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    PrintStream original = System.out;
    System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
    try {
      RagDemo.run(new String[] {"How old is Java?"}, config, sqs);
    } finally {
      Llmops.shutdown(Duration.ofSeconds(5));
      System.setOut(original);
    }
    String output = captured.toString(StandardCharsets.UTF_8);
    System.out.println(output);
    return output;
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
