package io.llmops.observability.providers.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.openai.core.ObjectMappers;
import io.llmops.observability.LlmResponse;
import io.llmops.observability.spi.LlmResponseReader;
import java.util.ArrayList;
import java.util.List;

/**
 * OpenAI Java SDK model objects ({@code ChatCompletion}, {@code Response}, a list of gathered
 * {@code ChatCompletionChunk}s, ...): turned into their JSON tree with the SDK's own mapper,
 * which the core's OpenAI readers then read. Going through the wire shape keeps this reader
 * independent of the SDK's generated accessors, which change between releases. Internal.
 */
final class OpenAiSdkReader implements LlmResponseReader {

  private static final String MODELS = "com.openai.models.";

  @Override
  public LlmResponse read(Object response) {
    if (isModel(response)) {
      return LlmResponse.read(tree(response));
    }
    if (response instanceof List<?> list && !list.isEmpty() && isModel(list.get(0))) {
      List<Object> events = new ArrayList<>(list.size());
      for (Object event : list) {
        if (isModel(event)) {
          events.add(tree(event));
        }
      }
      return LlmResponse.read(events);
    }
    return null;
  }

  private static boolean isModel(Object value) {
    return value != null && value.getClass().getName().startsWith(MODELS);
  }

  private static JsonNode tree(Object model) {
    return ObjectMappers.jsonMapper().valueToTree(model);
  }
}
