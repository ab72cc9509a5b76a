package io.llmops.observability.bedrock.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.bedrockruntime.model.ContentBlock;
import software.amazon.awssdk.services.bedrockruntime.model.Message;
import software.amazon.awssdk.services.bedrockruntime.model.SystemContentBlock;

/**
 * The prompt text of a request. A single user message gives its text alone; anything more gives
 * one {@code role: text} line per message, system prompts first. Internal.
 */
public final class Prompts {

  private static final ObjectMapper JSON = new ObjectMapper();

  private Prompts() {}

  /** Converse and ConverseStream: text blocks of the system prompts and messages. */
  public static String converse(List<SystemContentBlock> system, List<Message> messages) {
    List<String[]> turns = new ArrayList<>();
    if (system != null) {
      for (SystemContentBlock block : system) {
        if (block.text() != null) {
          turns.add(new String[] {"system", block.text()});
        }
      }
    }
    if (messages != null) {
      for (Message message : messages) {
        StringBuilder text = new StringBuilder();
        if (message.hasContent()) {
          for (ContentBlock block : message.content()) {
            if (block.text() != null) {
              text.append(text.length() == 0 ? "" : "\n").append(block.text());
            }
          }
        }
        if (text.length() > 0) {
          turns.add(new String[] {message.roleAsString(), text.toString()});
        }
      }
    }
    return join(turns);
  }

  /**
   * InvokeModel bodies: {@code messages} (Anthropic, Nova, Mistral and AI21 chat) with
   * {@code system}, {@code prompt} (Llama, Mistral, Cohere, Claude text completions),
   * {@code inputText} (Titan), {@code message} (Cohere Command R). Otherwise the body itself.
   */
  public static String invokeModel(SdkBytes body) {
    if (body == null) {
      return null;
    }
    String raw = body.asUtf8String();
    JsonNode root;
    try {
      root = JSON.readTree(raw);
    } catch (Exception e) {
      return raw;
    }
    if (root == null || !root.isObject()) {
      return raw;
    }
    List<String[]> turns = new ArrayList<>();
    JsonNode system = root.get("system");
    if (system != null) {
      String text = text(system);
      if (text != null) {
        turns.add(new String[] {"system", text});
      }
    }
    JsonNode messages = root.get("messages");
    if (messages != null && messages.isArray()) {
      for (JsonNode message : messages) {
        String text = text(message.get("content"));
        if (text != null) {
          turns.add(new String[] {message.path("role").asText("user"), text});
        }
      }
      if (!turns.isEmpty()) {
        return join(turns);
      }
    }
    for (String field : new String[] {"prompt", "inputText", "message"}) {
      JsonNode value = root.get(field);
      if (value != null && value.isTextual()) {
        return value.asText();
      }
    }
    return raw;
  }

  /** A string, or the text parts of a list of content blocks ({@code text} fields). */
  private static String text(JsonNode content) {
    if (content == null || content.isNull()) {
      return null;
    }
    if (content.isTextual()) {
      return content.asText();
    }
    if (content.isArray()) {
      StringBuilder out = new StringBuilder();
      for (JsonNode part : content) {
        JsonNode text = part.isTextual() ? part : part.get("text");
        if (text != null && text.isTextual()) {
          out.append(out.length() == 0 ? "" : "\n").append(text.asText());
        }
      }
      return out.length() == 0 ? null : out.toString();
    }
    return null;
  }

  private static String join(List<String[]> turns) {
    if (turns.isEmpty()) {
      return null;
    }
    if (turns.size() == 1 && "user".equals(turns.get(0)[0])) {
      return turns.get(0)[1];
    }
    StringBuilder out = new StringBuilder();
    for (String[] turn : turns) {
      out.append(out.length() == 0 ? "" : "\n").append(turn[0]).append(": ").append(turn[1]);
    }
    return out.toString();
  }
}
