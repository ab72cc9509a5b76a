package io.llmops.observability.agent.internal;

import io.llmops.observability.agent.spi.LlmResponse;
import java.util.List;
import java.util.Map;

/**
 * Reads plain text, and maps shaped like a Bedrock Converse response ({@code
 * output.message.content[].text}) or carrying {@code text}/{@code response}/{@code content} and a
 * {@code usage} map ({@code inputTokens}/{@code outputTokens}, {@code input_tokens}/{@code
 * output_tokens} or {@code prompt_tokens}/{@code completion_tokens}). Internal.
 */
final class BuiltInReaders {

  private BuiltInReaders() {}

  static LlmResponse read(Object result) {
    if (result instanceof CharSequence) {
      return LlmResponse.text(result.toString());
    }
    if (result instanceof Map) {
      Map<?, ?> map = (Map<?, ?>) result;
      String text = text(map);
      Long in = null;
      Long out = null;
      if (map.get("usage") instanceof Map) {
        Map<?, ?> usage = (Map<?, ?>) map.get("usage");
        in = count(usage, "inputTokens", "input_tokens", "prompt_tokens");
        out = count(usage, "outputTokens", "output_tokens", "completion_tokens");
      }
      return text == null && in == null && out == null ? null : new LlmResponse(text, in, out);
    }
    return null;
  }

  private static String text(Map<?, ?> map) {
    Object output = map.get("output");
    if (output instanceof Map && ((Map<?, ?>) output).get("message") instanceof Map) {
      Object content = ((Map<?, ?>) ((Map<?, ?>) output).get("message")).get("content");
      if (content instanceof List) {
        StringBuilder text = new StringBuilder();
        boolean any = false;
        for (Object block : (List<?>) content) {
          if (block instanceof Map && ((Map<?, ?>) block).get("text") instanceof CharSequence) {
            text.append(((Map<?, ?>) block).get("text"));
            any = true;
          }
        }
        if (any) {
          return text.toString();
        }
      }
    }
    for (String key : new String[] {"text", "response", "content", "completion"}) {
      if (map.get(key) instanceof CharSequence) {
        return map.get(key).toString();
      }
    }
    return null;
  }

  private static Long count(Map<?, ?> usage, String... keys) {
    for (String key : keys) {
      Object value = usage.get(key);
      if (value instanceof Number) {
        return ((Number) value).longValue();
      }
    }
    return null;
  }
}
