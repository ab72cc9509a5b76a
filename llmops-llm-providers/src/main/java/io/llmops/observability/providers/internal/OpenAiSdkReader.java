package io.llmops.observability.providers.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.openai.core.ObjectMappers;

/**
 * OpenAI Java SDK model objects ({@code ChatCompletion}, {@code Response}, a list of gathered
 * {@code ChatCompletionChunk}s, ...), read through their wire shape. Internal.
 */
final class OpenAiSdkReader extends WireShapeReader {

  OpenAiSdkReader() {
    super("com.openai.models.");
  }

  @Override
  JsonNode tree(Object model) {
    return ObjectMappers.jsonMapper().valueToTree(model);
  }
}
