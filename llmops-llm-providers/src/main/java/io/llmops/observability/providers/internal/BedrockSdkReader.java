package io.llmops.observability.providers.internal;

import io.llmops.observability.LlmResponse;
import io.llmops.observability.spi.LlmResponseReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.document.Document;
import software.amazon.awssdk.services.bedrockruntime.model.ContentBlock;
import software.amazon.awssdk.services.bedrockruntime.model.ContentBlockDeltaEvent;
import software.amazon.awssdk.services.bedrockruntime.model.ContentBlockStartEvent;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseResponse;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseStreamMetadataEvent;
import software.amazon.awssdk.services.bedrockruntime.model.InvokeModelResponse;
import software.amazon.awssdk.services.bedrockruntime.model.MessageStopEvent;
import software.amazon.awssdk.services.bedrockruntime.model.PayloadPart;
import software.amazon.awssdk.services.bedrockruntime.model.TokenUsage;
import software.amazon.awssdk.services.bedrockruntime.model.ToolUseBlock;

/**
 * AWS SDK for Java v2 Bedrock Runtime: {@code ConverseResponse}, {@code InvokeModelResponse} (its
 * body read by the core), and lists of {@code ConverseStreamOutput} events or {@code PayloadPart}
 * chunks gathered from a stream. Internal.
 */
final class BedrockSdkReader implements LlmResponseReader {

  @Override
  public LlmResponse read(Object response) {
    if (response instanceof ConverseResponse converse) {
      return converse(converse);
    }
    if (response instanceof InvokeModelResponse invoke) {
      SdkBytes body = invoke.body();
      return body == null ? null : LlmResponse.read(body.asUtf8String());
    }
    if (response instanceof SdkBytes bytes) {
      return LlmResponse.read(bytes.asUtf8String());
    }
    if (response instanceof List<?> list && !list.isEmpty() && isSdkEvent(list.get(0))) {
      return LlmResponse.read(asEvents(list));
    }
    return null;
  }

  private static boolean isSdkEvent(Object first) {
    return first instanceof software.amazon.awssdk.services.bedrockruntime.model.ConverseStreamOutput
        || first instanceof PayloadPart;
  }

  private static LlmResponse converse(ConverseResponse r) {
    StringBuilder text = null;
    List<LlmResponse.ToolCall> calls = new ArrayList<>();
    if (r.output() != null && r.output().message() != null && r.output().message().hasContent()) {
      for (ContentBlock block : r.output().message().content()) {
        if (block.text() != null) {
          text = text == null ? new StringBuilder(block.text()) : text.append(block.text());
        }
        ToolUseBlock toolUse = block.toolUse();
        if (toolUse != null) {
          calls.add(new LlmResponse.ToolCall(toolUse.toolUseId(), toolUse.name(), json(toolUse.input())));
        }
      }
    }
    LlmResponse.Builder builder = LlmResponse.builder().format("bedrock.converse")
        .text(text == null ? null : text.toString()).stopReason(r.stopReasonAsString())
        .toolCalls(calls);
    usage(r.usage(), builder);
    return builder.build();
  }

  /** Converse counts cache reads and writes apart from {@code inputTokens}; the span counts them in. */
  private static void usage(TokenUsage usage, LlmResponse.Builder builder) {
    if (usage == null) {
      return;
    }
    Long read = Reflect.of(usage.cacheReadInputTokens());
    Long write = Reflect.of(usage.cacheWriteInputTokens());
    Long in = Reflect.of(usage.inputTokens());
    Long out = Reflect.of(usage.outputTokens());
    Long input = in == null ? null : Reflect.sum(in, read, write);
    builder.inputTokens(input).outputTokens(out).cacheReadTokens(read).cacheWriteTokens(write)
        .totalTokens(input != null && out != null ? (Long) (input + out) : Reflect.of(usage.totalTokens()));
  }

  /** Typed stream events as the core's wrapped-event maps. */
  private static List<Object> asEvents(List<?> events) {
    List<Object> out = new ArrayList<>(events.size());
    for (Object event : events) {
      if (event instanceof PayloadPart part && part.bytes() != null) {
        out.add(part.bytes().asUtf8String());
      } else if (event instanceof ContentBlockDeltaEvent delta && delta.delta() != null) {
        Map<String, Object> d = new LinkedHashMap<>();
        if (delta.delta().text() != null) {
          d.put("text", delta.delta().text());
        }
        if (delta.delta().toolUse() != null) {
          d.put("toolUse", Map.of("input", String.valueOf(delta.delta().toolUse().input())));
        }
        out.add(Map.of("contentBlockDelta", Map.of("delta", d,
            "contentBlockIndex", delta.contentBlockIndex() == null ? 0 : delta.contentBlockIndex())));
      } else if (event instanceof ContentBlockStartEvent start && start.start() != null
          && start.start().toolUse() != null) {
        Map<String, Object> toolUse = new LinkedHashMap<>();
        toolUse.put("toolUseId", start.start().toolUse().toolUseId());
        toolUse.put("name", start.start().toolUse().name());
        out.add(Map.of("contentBlockStart", Map.of("start", Map.of("toolUse", toolUse),
            "contentBlockIndex", start.contentBlockIndex() == null ? 0 : start.contentBlockIndex())));
      } else if (event instanceof MessageStopEvent stop && stop.stopReasonAsString() != null) {
        out.add(Map.of("messageStop", Map.of("stopReason", stop.stopReasonAsString())));
      } else if (event instanceof ConverseStreamMetadataEvent metadata && metadata.usage() != null) {
        Map<String, Object> usage = new LinkedHashMap<>();
        TokenUsage u = metadata.usage();
        putIfSet(usage, "inputTokens", u.inputTokens());
        putIfSet(usage, "outputTokens", u.outputTokens());
        putIfSet(usage, "totalTokens", u.totalTokens());
        putIfSet(usage, "cacheReadInputTokens", u.cacheReadInputTokens());
        putIfSet(usage, "cacheWriteInputTokens", u.cacheWriteInputTokens());
        out.add(Map.of("metadata", Map.of("usage", usage)));
      } else {
        out.add(Map.of("messageStart", Map.of()));
      }
    }
    return out;
  }

  private static void putIfSet(Map<String, Object> map, String key, Integer value) {
    if (value != null) {
      map.put(key, value);
    }
  }

  /** A {@link Document} as JSON text. */
  static String json(Document document) {
    if (document == null) {
      return null;
    }
    StringBuilder out = new StringBuilder();
    write(document, out, 0);
    return out.toString();
  }

  private static void write(Document d, StringBuilder out, int depth) {
    if (d == null || d.isNull() || depth > 64) {
      out.append("null");
    } else if (d.isString()) {
      quote(d.asString(), out);
    } else if (d.isNumber()) {
      out.append(d.asNumber().stringValue());
    } else if (d.isBoolean()) {
      out.append(d.asBoolean());
    } else if (d.isList()) {
      out.append('[');
      boolean first = true;
      for (Document element : d.asList()) {
        if (!first) {
          out.append(',');
        }
        first = false;
        write(element, out, depth + 1);
      }
      out.append(']');
    } else if (d.isMap()) {
      out.append('{');
      boolean first = true;
      for (Map.Entry<String, Document> entry : d.asMap().entrySet()) {
        if (!first) {
          out.append(',');
        }
        first = false;
        quote(entry.getKey(), out);
        out.append(':');
        write(entry.getValue(), out, depth + 1);
      }
      out.append('}');
    } else {
      out.append("null");
    }
  }

  private static void quote(String s, StringBuilder out) {
    out.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    out.append('"');
  }
}
