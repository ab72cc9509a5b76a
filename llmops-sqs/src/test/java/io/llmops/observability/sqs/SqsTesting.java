package io.llmops.observability.sqs;

import com.fasterxml.jackson.databind.JsonNode;
import io.llmops.observability.Llmops;
import io.llmops.observability.LlmopsConfig;
import io.llmops.observability.Span;
import io.llmops.observability.TraceManager;
import io.llmops.observability.testing.SchemaValidator;
import io.llmops.observability.testing.WireDecoder;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/** Configurations isolated from the machine, trace helpers, and the specification's consumer steps. */
final class SqsTesting {

  private SqsTesting() {}

  static LlmopsConfig.Builder config(String queueUrl, Path spillDir) {
    return LlmopsConfig.builder()
        .environmentVariables(Map.of())
        .systemProperties(new Properties())
        .dotEnvFile(null)
        .projectId("sqs_test")
        .environment("test")
        .sqsUrl(queueUrl)
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
