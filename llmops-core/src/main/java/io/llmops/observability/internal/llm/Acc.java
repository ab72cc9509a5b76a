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
  String prompt;
  String stopReason;
  Long in;
  Long out;
  Long total;
  Long cacheRead;
  Long cacheWrite;
  Long reasoning;
  /** True when the provider counts cache reads and writes apart from its input count. */
  boolean cacheSeparate;
  private StringBuilder text;
  private final Map<Object, Tool> tools = new LinkedHashMap<>();
  private int anonymousTools;

  static final class Tool {
    String id;
    String name;
    final StringBuilder arguments = new StringBuilder();
    boolean hasArguments;

    void append(String fragment) {
      if (fragment != null) {
        arguments.append(fragment);
        hasArguments = true;
      }
    }
  }

  Acc format(String value) {
    if (format == null) {
      format = value;
    }
    return this;
  }

  void text(String fragment) {
    if (fragment != null) {
      if (text == null) {
        text = new StringBuilder(fragment.length() + 16);
      }
      text.append(fragment);
    }
  }

  /** Appends the text and tool calls of {@code other} (a stream chunk read as a whole body). */
  void mergeContent(Acc other) {
    if (other.text != null) {
      text(other.text.toString());
    }
    for (Tool tool : other.tools.values()) {
      tools.put("merged-" + tools.size(), tool);
    }
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
    return tools.computeIfAbsent(key == null ? "anon-" + anonymousTools++ : key, k -> new Tool());
  }

  /** Adds a complete tool call. */
  void tool(String id, String name, String arguments) {
    Tool tool = tool(null);
    tool.id = id;
    tool.name = name;
    tool.append(arguments);
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
          tool.hasArguments ? tool.arguments.toString() : null));
    }
    return new LlmResponse(format, model, input, out, sum, cacheRead, cacheWrite, reasoning, prompt,
        text == null ? null : text.toString(), stopReason, calls);
  }
}
