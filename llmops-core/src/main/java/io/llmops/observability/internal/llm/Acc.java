package io.llmops.observability.internal.llm;

import io.llmops.observability.LlmResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What a reader has gathered so far; stream readers feed it one event at a time. Internal. */
final class Acc {

  String format;
  String model;
  String stopReason;
  Long in;
  Long out;
  Long total;
  Long cacheRead;
  Long cacheWrite;
  Long reasoning;
  /** True when the provider counts cache reads and writes apart from its input count. */
  boolean cacheSeparate;
  /** Why not all of the response was read, or null ({@link LlmResponse#incomplete()}). */
  String incomplete;
  private CappedText prompt;
  private CappedText text;
  private final Map<Object, Tool> tools = new LinkedHashMap<>();
  private int anonymousTools;

  static final class Tool {
    String id;
    String name;
    private CappedText arguments;

    /** Appends an arguments fragment: a String, a cut string, or null for none. */
    void append(Object fragment) {
      if (fragment != null) {
        if (arguments == null) {
          arguments = new CappedText();
        }
        arguments.append(fragment);
      }
    }
  }

  Acc format(String value) {
    if (format == null) {
      format = value;
    }
    return this;
  }

  /** Appends a text value of the response tree: a String or a cut string; others are ignored. */
  void text(Object fragment) {
    if (fragment instanceof String || fragment instanceof io.llmops.observability.internal.capture.TruncatedText) {
      if (text == null) {
        text = new CappedText();
      }
      text.append(fragment);
    }
  }

  /** The prompt echoed by the response, if it is a string. */
  void prompt(Object value) {
    if (Node.str(value) != null) {
      prompt = new CappedText();
      prompt.append(value);
    }
  }

  /** Appends the text and tool calls of {@code other} (a stream chunk read as a whole body). */
  void mergeContent(Acc other) {
    if (other.text != null) {
      text(other.text.value());
    }
    for (Tool tool : other.tools.values()) {
      if (admitTool()) {
        tools.put("merged-" + tools.size(), tool);
      }
    }
    if (other.prompt != null) {
      prompt = other.prompt;
    }
    limited(other.incomplete);
  }

  boolean hasText() {
    return text != null;
  }

  void resetContent() {
    text = null;
    tools.clear();
  }

  /** The tool call under {@code key} (a stream's block index), created on first use. */
  Tool tool(Object key) {
    Object k = key == null ? "anon-" + anonymousTools++ : key;
    Tool tool = tools.get(k);
    if (tool == null) {
      tool = new Tool();
      if (admitTool()) {
        tools.put(k, tool);
      }
    }
    return tool;
  }

  /** Adds a complete tool call; {@code arguments} as {@link Node#jsonText} gives them. */
  void tool(String id, String name, Object arguments) {
    Tool tool = tool(null);
    tool.id = id;
    tool.name = name;
    tool.append(arguments);
  }

  private boolean admitTool() {
    if (tools.size() < ReadLimits.MAX_TOOL_CALLS) {
      return true;
    }
    limited(LlmResponse.INCOMPLETE_LIMITS);
    return false;
  }

  /** Records that part of the response was left out; the first reason given stays. */
  void limited(String reason) {
    if (incomplete == null) {
      incomplete = reason;
    }
  }

  void model(String value) {
    if (value != null && !value.isEmpty()) {
      model = value;
    }
  }

  void stop(String value) {
    if (value != null && !value.isEmpty()) {
      stopReason = value;
    }
  }

  boolean anything() {
    return text != null || !tools.isEmpty() || in != null || out != null || total != null
        || model != null || stopReason != null;
  }

  LlmResponse build() {
    Long input = in;
    if (cacheSeparate && input != null) {
      input = Node.sum(Node.sum(input, cacheRead), cacheWrite);
    }
    Long sum = input != null && out != null ? Node.sum(input, out) : total;
    List<LlmResponse.ToolCall> calls = new ArrayList<>(tools.size());
    for (Tool tool : tools.values()) {
      calls.add(new LlmResponse.ToolCall(tool.id, tool.name,
          tool.arguments == null ? null : tool.arguments.text()));
    }
    return new LlmResponse(format, model, input, out, sum, cacheRead, cacheWrite, reasoning,
        prompt == null ? null : prompt.text(), text == null ? null : text.text(), stopReason,
        calls, incomplete);
  }
}
