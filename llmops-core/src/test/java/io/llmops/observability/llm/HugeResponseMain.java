package io.llmops.observability.llm;

import io.llmops.observability.Llmops;
import io.llmops.observability.Span;
import io.llmops.observability.TraceManager;
import java.time.Duration;

/**
 * Run in a JVM of its own with a small heap by {@link LargeResponsesTest} (sinks configured by
 * system properties): records a Bedrock Converse response of {@code args[0]} megabytes of JSON
 * text, many text blocks, on a generation span, and prints whether the call returned normally.
 */
public final class HugeResponseMain {

  private HugeResponseMain() {}

  public static void main(String[] args) {
    String response = converse(Integer.parseInt(args[0]) * 1_000_000);
    TraceManager.startTrace("huge_response");
    try (Span llm = Llmops.generation("huge").start()) {
      llm.recordLlmResponse(response);
      System.out.println("recordLlmResponse returned normally");
    }
    TraceManager.endTrace();
    System.out.println("flushed=" + Llmops.flush(Duration.ofSeconds(30)));
  }

  /** A Converse body of about {@code chars} characters: text blocks of 100 characters, then usage. */
  static String converse(int chars) {
    String block = "{\"text\":\"" + "lorem ipsum ".repeat(8) + "dolor\"},";
    StringBuilder json = new StringBuilder(chars + 200)
        .append("{\"output\":{\"message\":{\"role\":\"assistant\",\"content\":[");
    while (json.length() < chars) {
      json.append(block);
    }
    json.setLength(json.length() - 1);
    return json.append("]}},\"stopReason\":\"max_tokens\",\"usage\":{\"inputTokens\":12,")
        .append("\"outputTokens\":4096}}").toString();
  }
}
