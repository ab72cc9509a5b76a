package io.llmops.observability.internal.llm;

import static io.llmops.observability.internal.llm.Node.at;
import static io.llmops.observability.internal.llm.Node.count;
import static io.llmops.observability.internal.llm.Node.get;
import static io.llmops.observability.internal.llm.Node.has;
import static io.llmops.observability.internal.llm.Node.isObject;
import static io.llmops.observability.internal.llm.Node.list;
import static io.llmops.observability.internal.llm.Node.str;

import java.util.Base64;
import java.util.List;

/**
 * Folds the events of a streamed response into one result: Bedrock ConverseStream (wrapped or
 * bare events), InvokeModelWithResponseStream chunks (base64 {@code bytes} decoded), Anthropic
 * Messages events, OpenAI Chat Completions chunks and Responses events, Cohere chat events and
 * generation pieces, and streams whose chunks are whole bodies (Gemini, Ollama, Titan, Llama,
 * Mistral). A stream cut short yields what arrived: text without usage. Internal.
 */
final class Streams {

  private Streams() {}

  /** The piece Cohere Command streams after the last text, before the finished response. */
  private static final String END_OF_TEXT = "<EOS_TOKEN>";

  private static final String[] CONVERSE_EVENTS = {"messageStart", "contentBlockStart",
      "contentBlockDelta", "contentBlockStop", "messageStop", "metadata"};

  /** Whether {@code n} is a single event of a stream rather than a whole body. */
  static boolean isEvent(Object n) {
    String type = str(n, "type");
    if (type != null && (type.startsWith("message_") || type.startsWith("content_block_")
        || type.startsWith("response.") || "ping".equals(type))) {
      return true;
    }
    if ("chat.completion.chunk".equals(str(n, "object")) || has(n, "event_type")
        || has(n, "is_finished")) {
      return true;
    }
    for (String key : CONVERSE_EVENTS) {
      if (isObject(get(n, key)) && !has(n, "output") && !has(n, "choices")) {
        return "metadata".equals(key) ? has(get(n, key), "usage") : true;
      }
    }
    return has(n, "contentBlockIndex") || (has(n, "usage") && has(n, "metrics") && !has(n, "output"))
        || isObject(get(n, "chunk")) || str(n, "bytes") != null;
  }

  /** The events of one stream, folded one at a time, each a bounded tree; at most {@link ReadLimits#MAX_EVENTS}. */
  static final class Fold {
    private final Acc a = new Acc();
    private boolean any;
    private int events;

    /**
     * Folds one event and the limits met reading it (null when there were none to meet); false
     * once no more are taken.
     */
    boolean add(Object event, Budget budget) {
      if (events++ >= ReadLimits.MAX_EVENTS) {
        skipped();
        return false;
      }
      Budget left = budget != null ? budget : new Budget(); // a chunk's bytes count against it
      Object e = unwrap(event, left);
      if (isObject(e)) {
        any |= event(e, a);
      }
      if (left.skipped()) {
        skipped();
      }
      return true;
    }

    /** Records that events, or parts of them, were left out. */
    void skipped() {
      a.limited(io.llmops.observability.LlmResponse.INCOMPLETE_LIMITS);
    }

    Acc result() {
      return any && a.anything() ? a : null;
    }
  }

  /** One event (or a body read as one), already a bounded tree. */
  static Acc fold(Object event) {
    Fold fold = new Fold();
    fold.add(event, null);
    return fold.result();
  }

  /** Decodes {@code {"chunk":{"bytes":...}}} and {@code {"bytes":...}} (base64 JSON). */
  private static Object unwrap(Object raw, Budget budget) {
    Object event = raw;
    for (int depth = 0; isObject(get(event, "chunk")); depth++) {
      if (depth == 4) {
        return null; // no provider nests chunks; refuse pathological input
      }
      event = get(event, "chunk");
    }
    String bytes = str(event, "bytes");
    if (bytes != null) {
      try {
        return Trees.parse(Base64.getDecoder().decode(bytes), budget);
      } catch (IllegalArgumentException e) {
        return null;
      }
    }
    return event;
  }

  /** Applies one event; false when the event is of no known kind. */
  private static boolean event(Object e, Acc a) {
    String type = str(e, "type");
    boolean known;
    if (type != null && (type.startsWith("message_") || type.startsWith("content_block_"))) {
      anthropic(type, e, a);
      known = true;
    } else if (type != null && type.startsWith("response.")) {
      responses(type, e, a);
      known = true;
    } else if ("ping".equals(type)) {
      known = false;
    } else if ("chat.completion.chunk".equals(str(e, "object"))
        || (has(e, "choices") && isObject(get(first(get(e, "choices")), "delta")))) {
      chatChunk(e, a);
      known = true;
    } else if (has(e, "event_type")) {
      cohere(e, a);
      known = true;
    } else if (has(e, "is_finished")) {
      cohereGeneration(e, a);
      known = true;
    } else if (converse(e, a)) {
      known = true;
    } else {
      known = wholeChunk(e, a);
    }
    Formats.bedrockMetrics(e, a);
    return known || has(e, "amazon-bedrock-invocationMetrics");
  }

  private static Object first(Object array) {
    List<Object> items = list(array);
    return items.isEmpty() ? null : items.get(0);
  }

  // ---- Bedrock ConverseStream (and Nova InvokeModelWithResponseStream) -------------------------

  private static boolean converse(Object e, Acc a) {
    Object body;
    if ((body = get(e, "messageStart")) != null) {
      a.format("bedrock.converse_stream");
      return true;
    }
    if ((body = get(e, "contentBlockStart")) != null || (has(e, "contentBlockIndex") && has(e, "start"))) {
      a.format("bedrock.converse_stream");
      Object b = body != null ? body : e;
      Object toolUse = at(b, "start", "toolUse");
      if (toolUse != null) {
        Acc.Tool tool = a.tool(index(b));
        tool.id = str(toolUse, "toolUseId");
        tool.name = str(toolUse, "name");
      }
      return true;
    }
    if ((body = get(e, "contentBlockDelta")) != null || (has(e, "contentBlockIndex") && has(e, "delta"))) {
      a.format("bedrock.converse_stream");
      Object b = body != null ? body : e;
      Object delta = get(b, "delta");
      a.text(get(delta, "text"));
      Object toolUse = get(delta, "toolUse");
      if (toolUse != null) {
        a.tool(index(b)).append(get(toolUse, "input"));
      }
      return true;
    }
    if (get(e, "contentBlockStop") != null || has(e, "contentBlockIndex")) {
      a.format("bedrock.converse_stream");
      return true;
    }
    if ((body = get(e, "messageStop")) != null) {
      a.format("bedrock.converse_stream");
      a.stop(str(body, "stopReason"));
      return true;
    }
    body = get(e, "metadata");
    if (body == null && has(e, "usage") && has(e, "metrics")) {
      body = e;
    }
    if (body != null && has(body, "usage")) {
      a.format("bedrock.converse_stream");
      Formats.converseUsage(get(body, "usage"), a);
      return true;
    }
    if (str(e, "stopReason") != null && !has(e, "output")
        && "bedrock.converse_stream".equals(a.format)) {
      a.stop(str(e, "stopReason"));
      return true;
    }
    return false;
  }

  private static Object index(Object block) {
    Long index = count(get(block, "contentBlockIndex"));
    return index == null ? "block" : index;
  }

  // ---- Anthropic Messages (also inside Bedrock InvokeModelWithResponseStream chunks) -----------

  private static void anthropic(String type, Object e, Acc a) {
    a.format("anthropic.messages_stream");
    a.cacheSeparate = true;
    switch (type) {
      case "message_start" -> {
        Object message = get(e, "message");
        a.model(str(message, "model"));
        Formats.anthropicUsage(get(message, "usage"), a);
      }
      case "content_block_start" -> {
        Object block = get(e, "content_block");
        String blockType = str(block, "type");
        if ("tool_use".equals(blockType) || "server_tool_use".equals(blockType)) {
          Acc.Tool tool = a.tool(count(get(e, "index")));
          tool.id = str(block, "id");
          tool.name = str(block, "name");
        } else if ("text".equals(blockType)) {
          a.text(get(block, "text"));
        }
      }
      case "content_block_delta" -> {
        Object delta = get(e, "delta");
        String deltaType = str(delta, "type");
        if ("text_delta".equals(deltaType)) {
          a.text(get(delta, "text"));
        } else if ("input_json_delta".equals(deltaType)) {
          a.tool(count(get(e, "index"))).append(get(delta, "partial_json"));
        }
      }
      case "message_delta" -> {
        a.stop(str(e, "delta", "stop_reason"));
        Formats.anthropicUsage(get(e, "usage"), a);
      }
      default -> { }
    }
  }

  // ---- OpenAI ---------------------------------------------------------------------------------

  private static void chatChunk(Object e, Acc a) {
    a.format("openai.chat_stream");
    a.model(str(e, "model"));
    for (Object choice : list(get(e, "choices"))) {
      Long index = count(get(choice, "index"));
      if (index != null && index != 0) {
        continue;
      }
      Object delta = get(choice, "delta");
      Formats.contentText(get(delta, "content"), a);
      for (Object call : list(get(delta, "tool_calls"))) {
        Acc.Tool tool = a.tool(count(get(call, "index")));
        if (str(call, "id") != null) {
          tool.id = str(call, "id");
        }
        if (str(call, "function", "name") != null) {
          tool.name = str(call, "function", "name");
        }
        tool.append(at(call, "function", "arguments"));
      }
      a.stop(str(choice, "finish_reason"));
    }
    if (isObject(get(e, "usage"))) {
      Formats.openAiChatUsage(get(e, "usage"), a);
    }
  }

  private static void responses(String type, Object e, Acc a) {
    a.format("openai.responses_stream");
    switch (type) {
      case "response.created", "response.in_progress" -> a.model(str(e, "response", "model"));
      case "response.output_text.delta" -> a.text(get(e, "delta"));
      case "response.output_item.added" -> {
        Object item = get(e, "item");
        if ("function_call".equals(str(item, "type"))) {
          Acc.Tool tool = a.tool(count(get(e, "output_index")));
          tool.id = str(item, "call_id");
          tool.name = str(item, "name");
        }
      }
      case "response.function_call_arguments.delta" ->
          a.tool(count(get(e, "output_index"))).append(get(e, "delta"));
      case "response.completed", "response.incomplete", "response.failed" -> {
        Object response = get(e, "response");
        if (response != null) {
          boolean hadText = a.hasText();
          Acc whole = new Acc();
          Formats.openAiResponses(response, whole);
          if (whole.hasText() || !hadText) {
            a.resetContent();
            Formats.openAiResponses(response, a);
          } else {
            a.model(whole.model);
            a.stop(whole.stopReason);
            a.in = whole.in;
            a.out = whole.out;
            a.total = whole.total;
            a.cacheRead = whole.cacheRead;
            a.reasoning = whole.reasoning;
          }
        }
      }
      default -> { }
    }
  }

  // ---- Cohere chat events ---------------------------------------------------------------------

  private static void cohere(Object e, Acc a) {
    a.format("cohere.chat_stream");
    String type = str(e, "event_type");
    if ("text-generation".equals(type)) {
      a.text(get(e, "text"));
    } else if ("stream-end".equals(type)) {
      a.stop(str(e, "finish_reason"));
      Object response = get(e, "response");
      if (response != null) {
        Acc whole = new Acc();
        Formats.cohereChat(response, whole);
        a.in = whole.in;
        a.out = whole.out;
      }
    }
  }

  /** Cohere generation pieces: {@code text} until {@code is_finished}, then the finish reason. */
  private static void cohereGeneration(Object e, Acc a) {
    a.format("cohere.command_stream");
    if (Boolean.TRUE.equals(Node.bool(get(e, "is_finished")))) {
      a.stop(str(e, "finish_reason"));
    } else if (!END_OF_TEXT.equals(str(e, "text"))) {
      a.text(get(e, "text"));
    }
  }

  // ---- streams of whole bodies ----------------------------------------------------------------

  /** A chunk that is itself a body (Gemini, Ollama, Titan, Llama, Mistral, Cohere): merged in. */
  private static boolean wholeChunk(Object e, Acc a) {
    Acc chunk = Formats.whole(e);
    if (chunk == null) {
      return false;
    }
    a.format(chunk.format == null ? null : chunk.format + "_stream");
    a.cacheSeparate |= chunk.cacheSeparate;
    a.mergeContent(chunk);
    a.model(chunk.model);
    a.stop(chunk.stopReason);
    a.in = chunk.in != null ? chunk.in : a.in;
    a.out = chunk.out != null ? chunk.out : a.out;
    a.total = chunk.total != null ? chunk.total : a.total;
    a.cacheRead = chunk.cacheRead != null ? chunk.cacheRead : a.cacheRead;
    a.cacheWrite = chunk.cacheWrite != null ? chunk.cacheWrite : a.cacheWrite;
    a.reasoning = chunk.reasoning != null ? chunk.reasoning : a.reasoning;
    return true;
  }
}
