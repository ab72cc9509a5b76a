package io.llmops.observability.sqs;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.llmops.observability.Llmops;
import io.llmops.observability.LlmopsConfig;
import io.llmops.observability.Span;
import io.llmops.observability.TraceManager;
import io.llmops.observability.testing.SchemaValidator;
import io.llmops.observability.testing.WireDecoder;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import software.amazon.awssdk.services.sqs.model.Message;

/** Configurations isolated from the machine, trace helpers, and the specification's consumer steps. */
final class SqsTesting {

  /** How long a test waits for what SQS should receive. */
  static final Duration PATIENCE = Duration.ofSeconds(60);

  private SqsTesting() {}

  /** Receives until {@code expected} distinct trace ids arrived. */
  static List<Message> receiveTraces(ElasticMq server, String queue, int expected, List<Message> into) {
    await().atMost(PATIENCE).until(() -> {
      into.addAll(server.receive(queue, Duration.ofSeconds(2)));
      return traceIdsOf(into).size() >= expected;
    });
    return into;
  }

  /** A port on 127.0.0.1 that nothing listens on (it was free a moment ago). */
  static int closedPort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  static Set<String> traceIdsOf(List<Message> messages) {
    Set<String> ids = new HashSet<>();
    messages.forEach(m -> ids.add(decode(m.body()).get("trace_id").asText()));
    return ids;
  }

  static LlmopsConfig.Builder config(String queueUrl, Path spillDir) {
    return LlmopsConfig.builder()
        .environmentVariables(Map.of())
        .systemProperties(new Properties())
        .dotEnvFile(null)
        .projectId("sqs_test")
        .environment("test")
        .set(SqsSettings.QUEUE_URL, queueUrl)
        .set(SqsSettings.SPILLOVER_DIR, spillDir.toString())
        .set("LLMOPS_SQS_RETRY_DELAY", "0.05")
        .set("LLMOPS_SQS_RETRY_MAX_DELAY", "0.2")
        .set(SqsSettings.SPILLOVER_REPLAY_INTERVAL, "0.2")
        .set(SqsSettings.REQUEST_TIMEOUT, "3");
  }

  /** Records one trace with a generation span through the public API; returns its id. */
  static String sendTrace(int i) {
    String traceId = TraceManager.startTrace("trace_" + i);
    try (Span span = Llmops.generation("call_llm").model("anthropic.claude-3-sonnet-20240229-v1:0").start()) {
      span.setResponse("answer " + i);
    }
    TraceManager.finalizeAndSend(Map.of("user_msg", "question " + i), Map.of("bot_response", "answer " + i));
    return traceId;
  }

  static JsonNode wrapper(String body) {
    return WireDecoder.wrapper(body);
  }

  /**
   * What the specification's consumer does (base64-decode {@code data}, gunzip, parse), after
   * checking the body and the trace against docs/schema.
   */
  static JsonNode decode(String body) {
    List<String> problems = SchemaValidator.validateBody(body);
    if (!problems.isEmpty()) {
      throw new AssertionError("message violates docs/schema: " + problems);
    }
    return WireDecoder.trace(body);
  }
}
