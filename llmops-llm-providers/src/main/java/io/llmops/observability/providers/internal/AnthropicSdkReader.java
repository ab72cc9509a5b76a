package io.llmops.observability.providers.internal;

import com.anthropic.core.ObjectMappers;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * Anthropic Java SDK model objects: a {@code Message} or {@code BetaMessage} (also the one a
 * {@code MessageAccumulator} builds from a stream), or a list of gathered
 * {@code RawMessageStreamEvent}s, read through their wire shape. Internal.
 */
final class AnthropicSdkReader extends WireShapeReader {

  AnthropicSdkReader() {
    super("com.anthropic.models.");
  }

  @Override
  JsonNode tree(Object model) {
    return ObjectMappers.jsonMapper().valueToTree(model);
  }
}
