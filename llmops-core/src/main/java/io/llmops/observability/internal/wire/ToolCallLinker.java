package io.llmops.observability.internal.wire;

import io.llmops.observability.SpanType;
import io.llmops.observability.internal.model.SpanData;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Links each tool span of a trace to the tool call a generation requested ({@code
 * llm.tool_calls}): by the call id when the tool span carries one ({@code llm.tool_call_id}),
 * otherwise by tool name, in order, to the earliest unclaimed call of that name requested by a
 * generation that started before the tool. Runs on the export worker. Internal.
 */
final class ToolCallLinker {

  /** The call a tool span ran and the generation that requested it. */
  record Link(String toolCallId, String generationSpanId) {}

  private record Call(String id, String name, String generationSpanId, long requestedAtMicros) {}

  private ToolCallLinker() {}

  /** Links by tool span id; empty when no generation requested tool calls. */
  static Map<String, Link> link(List<SpanData> spans) {
    List<Call> calls = new ArrayList<>();
    for (SpanData span : spans) {
      if (span.type() == SpanType.GENERATION
          && span.metadata().get(WireFields.LLM_TOOL_CALLS) instanceof List<?> requested) {
        for (Object entry : requested) {
          if (entry instanceof Map<?, ?> call && call.get("name") instanceof String name) {
            Object id = call.get("id");
            calls.add(new Call(id instanceof String s ? s : null, name, span.spanId(), span.startMicros()));
          }
        }
      }
    }
    if (calls.isEmpty()) {
      return Map.of();
    }
    Map<String, Call> byId = new HashMap<>();
    Map<String, Deque<Call>> byName = new HashMap<>();
    calls.sort(Comparator.comparingLong(Call::requestedAtMicros));
    for (Call call : calls) {
      if (call.id() != null) {
        byId.putIfAbsent(call.id(), call);
      }
      byName.computeIfAbsent(call.name(), k -> new ArrayDeque<>()).add(call);
    }
    List<SpanData> tools = new ArrayList<>();
    for (SpanData span : spans) {
      if (span.type() == SpanType.TOOL) {
        tools.add(span);
      }
    }
    tools.sort(Comparator.comparingLong(SpanData::startMicros));
    Map<String, Link> links = new HashMap<>();
    for (SpanData tool : tools) {
      Call call = tool.metadata().get(WireFields.LLM_TOOL_CALL_ID) instanceof String id
          ? byId.get(id)
          : nextByName(byName.get(tool.name()), tool.startMicros());
      if (call != null) {
        Deque<Call> sameName = byName.get(call.name());
        if (sameName != null) {
          sameName.remove(call);
        }
        links.put(tool.spanId(), new Link(call.id(), call.generationSpanId()));
      }
    }
    return links;
  }

  private static Call nextByName(Deque<Call> candidates, long toolStartMicros) {
    if (candidates == null) {
      return null;
    }
    for (Call call : candidates) {
      if (call.requestedAtMicros() <= toolStartMicros) {
        return call;
      }
    }
    return null;
  }
}
