package io.llmops.observability.bedrock;

import java.util.List;

/**
 * InvokeModelWithResponseStream answers of Cohere, Mistral and AI21 models, chunk by chunk in each
 * model's documented format (Bedrock's model parameter pages; Cohere's and AI21's streaming
 * formats where Bedrock passes them through), with what a reader should make of them. As Bedrock
 * does, the last chunk carries {@code amazon-bedrock-invocationMetrics}; it also carries the stop
 * reason, and no text.
 */
final class ProviderStreams {

  private ProviderStreams() {}

  /**
   * One model's stream.
   *
   * @param name the case's name
   * @param modelId the model invoked
   * @param request the InvokeModel body, in the model's format
   * @param prompt the prompt text the span records from it
   * @param chunks each chunk's JSON, the last one with the invocation metrics
   * @param text the response text the chunks add up to
   * @param stopReason the stop reason, in the model's words
   * @param inputTokens the input tokens Bedrock counts
   * @param outputTokens the output tokens Bedrock counts
   * @param inputPrice US dollars per million input tokens (the shipped table's verified price)
   * @param outputPrice US dollars per million output tokens
   */
  record ProviderStream(String name, String modelId, String request, String prompt, List<String> chunks,
      String text, String stopReason, long inputTokens, long outputTokens, double inputPrice,
      double outputPrice) {

    /** The stream without its last chunk: no stop reason, no usage. */
    List<String> withoutLastChunk() {
      return chunks.subList(0, chunks.size() - 1);
    }

    double cost() {
      return (inputTokens * inputPrice + outputTokens * outputPrice) / 1e6;
    }

    @Override
    public String toString() {
      return name;
    }
  }

  /** Cohere Command and Command Light: {@code generations} chunks (Bedrock's Cohere Command page). */
  static final ProviderStream COHERE_COMMAND = new ProviderStream("Cohere Command Light",
      "cohere.command-light-text-v14", "{\"prompt\":\"Greet me.\",\"max_tokens\":50,\"stream\":true}", "Greet me.",
      List.of(
          "{\"generations\":[{\"id\":\"g-1\",\"text\":\" Hello\",\"is_finished\":false}]}",
          "{\"generations\":[{\"id\":\"g-1\",\"text\":\" there!\",\"is_finished\":false}]}",
          last("{\"generations\":[{\"id\":\"g-1\",\"text\":\"\",\"finish_reason\":\"COMPLETE\","
              + "\"is_finished\":true}]}", 9, 3)),
      " Hello there!", "COMPLETE", 9, 3, 0.30, 0.60);

  /**
   * Cohere Command and Command Light as Cohere streams generations (text and {@code is_finished}
   * at the top, an {@code <EOS_TOKEN>} piece, then the finished response): the shape LangChain's
   * Bedrock reader expects of these models.
   */
  static final ProviderStream COHERE_COMMAND_PIECES = new ProviderStream("Cohere Command Light, text pieces",
      "cohere.command-light-text-v14", "{\"prompt\":\"Greet me.\",\"max_tokens\":50,\"stream\":true}", "Greet me.",
      List.of(
          "{\"text\":\" Hello\",\"is_finished\":false}",
          "{\"text\":\" there!\",\"is_finished\":false}",
          "{\"text\":\"<EOS_TOKEN>\",\"is_finished\":false}",
          last("{\"is_finished\":true,\"finish_reason\":\"COMPLETE\",\"response\":{\"id\":\"r-1\","
              + "\"generations\":[{\"id\":\"g-1\",\"text\":\" Hello there!\",\"finish_reason\":\"COMPLETE\"}],"
              + "\"prompt\":\"Greet me.\"}}", 9, 3)),
      " Hello there!", "COMPLETE", 9, 3, 0.30, 0.60);

  /** Cohere Command R and R+: Cohere's chat stream events, {@code stream-end} with billed units. */
  static final ProviderStream COHERE_COMMAND_R = new ProviderStream("Cohere Command R",
      "cohere.command-r-v1:0", "{\"message\":\"Greet me.\",\"max_tokens\":50}", "Greet me.",
      List.of(
          "{\"is_finished\":false,\"event_type\":\"stream-start\",\"generation_id\":\"g-2\"}",
          "{\"is_finished\":false,\"event_type\":\"text-generation\",\"text\":\"Hello\"}",
          "{\"is_finished\":false,\"event_type\":\"text-generation\",\"text\":\" there!\"}",
          last("{\"is_finished\":true,\"event_type\":\"stream-end\",\"finish_reason\":\"COMPLETE\","
              + "\"response\":{\"response_id\":\"r-2\",\"text\":\"Hello there!\",\"generation_id\":\"g-2\","
              + "\"finish_reason\":\"COMPLETE\",\"meta\":{\"billed_units\":{\"input_tokens\":11,"
              + "\"output_tokens\":3}}}}", 11, 3)),
      "Hello there!", "COMPLETE", 11, 3, 0.50, 1.50);

  /** Mistral 7B, Mixtral, Mistral Small and Large (24.02): {@code outputs} chunks. */
  static final ProviderStream MISTRAL = new ProviderStream("Mistral 7B Instruct",
      "mistral.mistral-7b-instruct-v0:2", "{\"prompt\":\"<s>[INST] Greet me. [/INST]\",\"max_tokens\":50}",
      "<s>[INST] Greet me. [/INST]",
      List.of(
          "{\"outputs\":[{\"text\":\" Hello\",\"stop_reason\":null}]}",
          "{\"outputs\":[{\"text\":\" there!\",\"stop_reason\":null}]}",
          last("{\"outputs\":[{\"text\":\"\",\"stop_reason\":\"stop\"}]}", 14, 4)),
      " Hello there!", "stop", 14, 4, 0.15, 0.20);

  /** AI21 Jamba: chat completion chunks with {@code delta}s, usage in the last one. */
  static final ProviderStream JAMBA = new ProviderStream("AI21 Jamba 1.5 Mini",
      "ai21.jamba-1-5-mini-v1:0", "{\"messages\":[{\"role\":\"user\",\"content\":\"Greet me.\"}],\"max_tokens\":50}",
      "Greet me.",
      List.of(
          "{\"id\":\"chat-3\",\"choices\":[{\"index\":0,\"delta\":{\"role\":\"assistant\",\"content\":\"\"},"
              + "\"finish_reason\":null}],\"usage\":null}",
          "{\"id\":\"chat-3\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\"Hello\"},\"finish_reason\":null}],"
              + "\"usage\":null}",
          "{\"id\":\"chat-3\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\" there!\"},\"finish_reason\":null}],"
              + "\"usage\":null}",
          last("{\"id\":\"chat-3\",\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"stop\"}],"
              + "\"usage\":{\"prompt_tokens\":12,\"completion_tokens\":3,\"total_tokens\":15}}", 12, 3)),
      "Hello there!", "stop", 12, 3, 0.20, 0.40);

  static List<ProviderStream> all() {
    return List.of(COHERE_COMMAND, COHERE_COMMAND_PIECES, COHERE_COMMAND_R, MISTRAL, JAMBA);
  }

  /** {@code json} with the invocation metrics Bedrock appends to a stream's last chunk. */
  private static String last(String json, long inputTokens, long outputTokens) {
    return json.substring(0, json.length() - 1) + ",\"amazon-bedrock-invocationMetrics\":{"
        + "\"inputTokenCount\":" + inputTokens + ",\"outputTokenCount\":" + outputTokens
        + ",\"invocationLatency\":420,\"firstByteLatency\":120}}";
  }
}
