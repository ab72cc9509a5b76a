package io.llmops.observability.internal.llm;

import static io.llmops.observability.internal.llm.Node.at;
import static io.llmops.observability.internal.llm.Node.count;
import static io.llmops.observability.internal.llm.Node.firstCount;
import static io.llmops.observability.internal.llm.Node.get;
import static io.llmops.observability.internal.llm.Node.has;
import static io.llmops.observability.internal.llm.Node.isArray;
import static io.llmops.observability.internal.llm.Node.isObject;
import static io.llmops.observability.internal.llm.Node.jsonText;
import static io.llmops.observability.internal.llm.Node.list;
import static io.llmops.observability.internal.llm.Node.str;

import java.util.List;

/**
 * Readers of whole (non-streamed) response bodies, one method per documented provider shape, and
 * the detection that picks one. See docs/LLM.md for the fields each reads. Internal.
 */
final class Formats {

  private Formats() {}

  /**
   * Reads one response object (or one stream event), a bounded tree; null when no known shape
   * matches.
   */
  static Acc object(Object n) {
    return Streams.isEvent(n) ? Streams.fold(n) : whole(n);
  }

  /** Reads one response object that is not a stream event. */
  static Acc whole(Object n) {
    Acc a = new Acc();
    Object output = get(n, "output");
    if (isObject(output) && isObject(get(output, "message"))) {
      converse(n, a);
    } else if ("message".equals(str(n, "type")) || (isArray(get(n, "content"))
        && (has(n, "stop_reason") || has(at(n, "usage"), "input_tokens")))) {
      anthropic(n, a);
    } else if (isArray(get(n, "choices"))) {
      openAiChat(n, a);
    } else if ("response".equals(str(n, "object")) || isArray(output)) {
      openAiResponses(n, a);
    } else if (isArray(get(n, "candidates")) || has(n, "usageMetadata")) {
      gemini(n, a);
    } else if (isArray(get(n, "results")) || has(n, "outputText") || has(n, "inputTextTokenCount")) {
      titan(n, a);
    } else if (str(n, "generation") != null) {
      llama(n, a);
    } else if (isArray(get(n, "generations"))) {
      cohereCommand(n, a);
    } else if (isArray(get(n, "completions"))) {
      ai21Jurassic(n, a);
    } else if (isArray(get(n, "outputs"))) {
      mistral(n, a);
    } else if (has(n, "eval_count") || has(n, "prompt_eval_count") || has(n, "done")) {
      ollama(n, a);
    } else if (str(n, "text") != null && (has(n, "finish_reason") || has(n, "response_id")
        || has(n, "generation_id") || has(n, "chat_history"))) {
      cohereChat(n, a);
    } else {
      generic(n, a);
    }
    bedrockMetrics(n, a);
    return a.anything() ? a : null;
  }

  // ---- Amazon Bedrock -------------------------------------------------------------------------

  /** Converse, and InvokeModel bodies of Amazon Nova (same shape, other cache field names). */
  static void converse(Object n, Acc a) {
    boolean nova = has(get(n, "usage"), "cacheReadInputTokenCount")
        || has(get(n, "usage"), "cacheWriteInputTokenCount");
    a.format(nova ? "bedrock.nova" : "bedrock.converse");
    a.cacheSeparate = true;
    for (Object block : list(at(n, "output", "message", "content"))) {
      a.text(get(block, "text"));
      Object toolUse = get(block, "toolUse");
      if (toolUse != null) {
        a.tool(str(toolUse, "toolUseId"), str(toolUse, "name"), jsonText(get(toolUse, "input")));
      }
    }
    a.stop(str(n, "stopReason"));
    converseUsage(get(n, "usage"), a);
  }

  static void converseUsage(Object u, Acc a) {
    if (u == null) {
      return;
    }
    a.cacheSeparate = true;
    a.in = count(get(u, "inputTokens"));
    a.out = count(get(u, "outputTokens"));
    a.total = count(get(u, "totalTokens"));
    a.cacheRead = firstCount(u, "cacheReadInputTokens", "cacheReadInputTokenCount");
    a.cacheWrite = firstCount(u, "cacheWriteInputTokens", "cacheWriteInputTokenCount");
  }

  static void titan(Object n, Acc a) {
    a.format("bedrock.titan");
    List<Object> results = list(get(n, "results"));
    if (!results.isEmpty()) {
      Object first = results.get(0);
      a.text(get(first, "outputText"));
      a.out = count(get(first, "tokenCount"));
      a.stop(str(first, "completionReason"));
    } else {
      a.text(get(n, "outputText"));
      a.out = firstCount(n, "totalOutputTextTokenCount", "tokenCount");
      a.stop(str(n, "completionReason"));
    }
    a.in = count(get(n, "inputTextTokenCount"));
  }

  static void llama(Object n, Acc a) {
    a.format("bedrock.llama");
    a.text(get(n, "generation"));
    a.in = count(get(n, "prompt_token_count"));
    a.out = count(get(n, "generation_token_count"));
    a.stop(str(n, "stop_reason"));
  }

  static void cohereCommand(Object n, Acc a) {
    a.format("cohere.command");
    List<Object> generations = list(get(n, "generations"));
    if (!generations.isEmpty()) {
      a.text(get(generations.get(0), "text"));
      a.stop(str(generations.get(0), "finish_reason"));
    }
    a.prompt(get(n, "prompt"));
    cohereMeta(get(n, "meta"), a);
  }

  /** Cohere Command R and R+ (chat). */
  static void cohereChat(Object n, Acc a) {
    a.format("cohere.chat");
    a.text(get(n, "text"));
    a.stop(str(n, "finish_reason"));
    for (Object call : list(get(n, "tool_calls"))) {
      a.tool(null, str(call, "name"), jsonText(get(call, "parameters")));
    }
    cohereMeta(get(n, "meta"), a);
  }

  private static void cohereMeta(Object meta, Acc a) {
    Object units = get(meta, "billed_units");
    if (units == null) {
      units = get(meta, "tokens");
    }
    if (units != null) {
      a.in = count(get(units, "input_tokens"));
      a.out = count(get(units, "output_tokens"));
    }
  }

  static void ai21Jurassic(Object n, Acc a) {
    a.format("ai21.jurassic");
    a.prompt(at(n, "prompt", "text"));
    Object promptTokens = at(n, "prompt", "tokens");
    if (isArray(promptTokens)) {
      a.in = (long) Node.size(promptTokens);
    }
    List<Object> completions = list(get(n, "completions"));
    if (!completions.isEmpty()) {
      Object first = completions.get(0);
      a.text(at(first, "data", "text"));
      Object tokens = at(first, "data", "tokens");
      if (isArray(tokens)) {
        a.out = (long) Node.size(tokens);
      }
      a.stop(str(first, "finishReason", "reason"));
    }
  }

  static void mistral(Object n, Acc a) {
    a.format("bedrock.mistral");
    List<Object> outputs = list(get(n, "outputs"));
    if (!outputs.isEmpty()) {
      a.text(get(outputs.get(0), "text"));
      a.stop(str(outputs.get(0), "stop_reason"));
    }
  }

  /** The {@code amazon-bedrock-invocationMetrics} an InvokeModel stream adds to its last chunk. */
  static void bedrockMetrics(Object n, Acc a) {
    Object metrics = get(n, "amazon-bedrock-invocationMetrics");
    if (metrics == null) {
      return;
    }
    Long in = count(get(metrics, "inputTokenCount"));
    Long out = count(get(metrics, "outputTokenCount"));
    // authoritative for formats without their own usage; only fills gaps for the others
    boolean override = !a.cacheSeparate && !"openai.chat".equals(a.format);
    if (in != null && (override || a.in == null)) {
      a.in = in;
    }
    if (out != null && (override || a.out == null)) {
      a.out = out;
    }
  }

  // ---- Anthropic ------------------------------------------------------------------------------

  static void anthropic(Object n, Acc a) {
    a.format("anthropic.messages");
    a.model(str(n, "model"));
    for (Object block : list(get(n, "content"))) {
      String type = str(block, "type");
      if (type == null || "text".equals(type)) {
        a.text(get(block, "text"));
      } else if ("tool_use".equals(type) || "server_tool_use".equals(type)) {
        a.tool(str(block, "id"), str(block, "name"), jsonText(get(block, "input")));
      }
    }
    a.stop(str(n, "stop_reason"));
    anthropicUsage(get(n, "usage"), a);
  }

  static void anthropicUsage(Object u, Acc a) {
    if (u == null) {
      return;
    }
    a.cacheSeparate = true;
    Long in = count(get(u, "input_tokens"));
    if (in != null) {
      a.in = in;
    }
    Long out = count(get(u, "output_tokens"));
    if (out != null) {
      a.out = out;
    }
    Long read = count(get(u, "cache_read_input_tokens"));
    if (read != null) {
      a.cacheRead = read;
    }
    Long write = count(get(u, "cache_creation_input_tokens"));
    if (write != null) {
      a.cacheWrite = write;
    }
  }

  // ---- OpenAI ---------------------------------------------------------------------------------

  /** Chat Completions, and the bodies that copy its shape (AI21 Jamba, Mistral chat models). */
  static void openAiChat(Object n, Acc a) {
    a.format("openai.chat");
    a.model(str(n, "model"));
    List<Object> choices = list(get(n, "choices"));
    if (!choices.isEmpty()) {
      Object choice = choices.get(0);
      Object message = get(choice, "message");
      contentText(get(message, "content"), a);
      for (Object call : list(get(message, "tool_calls"))) {
        a.tool(str(call, "id"), str(call, "function", "name"),
            jsonText(at(call, "function", "arguments")));
      }
      a.stop(str(choice, "finish_reason"));
      a.stop(str(choice, "stop_reason"));
    }
    openAiChatUsage(get(n, "usage"), a);
  }

  /** A content that is a string or an array of {@code {type: text, text}} parts. */
  static void contentText(Object content, Acc a) {
    if (str(content) != null) {
      a.text(content);
      return;
    }
    for (Object part : list(content)) {
      String type = str(part, "type");
      if (type == null || "text".equals(type) || "output_text".equals(type)) {
        a.text(get(part, "text"));
      }
    }
  }

  static void openAiChatUsage(Object u, Acc a) {
    if (u == null) {
      return;
    }
    a.in = count(get(u, "prompt_tokens"));
    a.out = count(get(u, "completion_tokens"));
    a.total = count(get(u, "total_tokens"));
    a.cacheRead = count(at(u, "prompt_tokens_details", "cached_tokens"));
    a.reasoning = count(at(u, "completion_tokens_details", "reasoning_tokens"));
  }

  static void openAiResponses(Object n, Acc a) {
    a.format("openai.responses");
    a.model(str(n, "model"));
    for (Object item : list(get(n, "output"))) {
      String type = str(item, "type");
      if ("message".equals(type)) {
        contentText(get(item, "content"), a);
      } else if ("function_call".equals(type)) {
        a.tool(str(item, "call_id"), str(item, "name"), jsonText(get(item, "arguments")));
      }
    }
    String incomplete = str(n, "incomplete_details", "reason");
    a.stop(incomplete != null ? incomplete : str(n, "status"));
    Object u = get(n, "usage");
    if (u != null) {
      a.in = count(get(u, "input_tokens"));
      a.out = count(get(u, "output_tokens"));
      a.total = count(get(u, "total_tokens"));
      a.cacheRead = count(at(u, "input_tokens_details", "cached_tokens"));
      a.reasoning = count(at(u, "output_tokens_details", "reasoning_tokens"));
    }
  }

  // ---- Google Gemini, Ollama ------------------------------------------------------------------

  static void gemini(Object n, Acc a) {
    a.format("google.gemini");
    a.model(str(n, "modelVersion"));
    List<Object> candidates = list(get(n, "candidates"));
    if (!candidates.isEmpty()) {
      Object candidate = candidates.get(0);
      for (Object part : list(at(candidate, "content", "parts"))) {
        if (Boolean.TRUE.equals(Node.bool(get(part, "thought")))) {
          continue;
        }
        a.text(get(part, "text"));
        Object call = get(part, "functionCall");
        if (call != null) {
          a.tool(str(call, "id"), str(call, "name"), jsonText(get(call, "args")));
        }
      }
      a.stop(str(candidate, "finishReason"));
    }
    Object u = get(n, "usageMetadata");
    if (u != null) {
      a.in = count(get(u, "promptTokenCount"));
      Long candidatesTokens = count(get(u, "candidatesTokenCount"));
      Long thoughts = count(get(u, "thoughtsTokenCount"));
      a.out = Node.sum(candidatesTokens, thoughts);
      a.total = count(get(u, "totalTokenCount"));
      a.cacheRead = count(get(u, "cachedContentTokenCount"));
      a.reasoning = thoughts;
      if (a.out == null && a.in != null) {
        a.out = 0L; // a response that generated nothing reports no candidates count
      }
    }
  }

  static void ollama(Object n, Acc a) {
    a.format("ollama");
    a.model(str(n, "model"));
    a.text(get(n, "response"));
    Object message = get(n, "message");
    a.text(get(message, "content"));
    for (Object call : list(get(message, "tool_calls"))) {
      a.tool(str(call, "id"), str(call, "function", "name"),
          jsonText(at(call, "function", "arguments")));
    }
    a.stop(str(n, "done_reason"));
    a.in = count(get(n, "prompt_eval_count"));
    a.out = count(get(n, "eval_count"));
  }

  // ---- anything else --------------------------------------------------------------------------

  private static final String[] TEXT_KEYS = {"text", "response", "content", "completion", "output",
      "answer"};

  /** A map with a text entry and/or a usage map in any of the common spellings. */
  static void generic(Object n, Acc a) {
    for (String key : TEXT_KEYS) {
      Object text = get(n, key);
      if (str(text) != null) {
        a.text(text);
        break;
      }
    }
    if (!a.hasText()) {
      a.text(at(n, "message", "content"));
    }
    a.model(str(n, "model"));
    a.model(str(n, "modelId"));
    a.model(str(n, "model_id"));
    Object u = get(n, "usage");
    if (isObject(u)) {
      a.in = firstCount(u, "inputTokens", "input_tokens", "prompt_tokens", "promptTokens");
      a.out = firstCount(u, "outputTokens", "output_tokens", "completion_tokens", "completionTokens");
      a.total = firstCount(u, "totalTokens", "total_tokens");
    }
    if (a.anything()) {
      a.format("generic");
    }
  }
}
