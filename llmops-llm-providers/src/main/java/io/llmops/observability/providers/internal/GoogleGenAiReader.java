package io.llmops.observability.providers.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.genai.JsonSerializable;

/**
 * Google GenAI Java SDK model objects: a {@code GenerateContentResponse}, or a list of the chunks
 * gathered from {@code generateContentStream}, read through their wire shape. Internal.
 */
final class GoogleGenAiReader extends WireShapeReader {

  GoogleGenAiReader() {
    super("com.google.genai.types.");
  }

  @Override
  JsonNode tree(Object model) {
    return JsonSerializable.toJsonNode(model);
  }
}
