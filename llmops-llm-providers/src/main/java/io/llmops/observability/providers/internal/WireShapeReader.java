package io.llmops.observability.providers.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.llmops.observability.LlmResponse;
import io.llmops.observability.spi.LlmResponseReader;
import java.util.AbstractList;
import java.util.List;

/**
 * Model objects of an SDK whose types mirror the provider's JSON (OpenAI, Anthropic, Google
 * GenAI): a response, or a list of stream events gathered from one, is turned into the JSON tree
 * of its wire shape with the SDK's own mapper, which the core's readers of that provider's
 * documented shape then read. Going through the wire shape keeps one reading (and one token
 * convention) per provider, and keeps these readers independent of the SDKs' generated
 * accessors, which change between releases and throw on a missing required field. Internal.
 */
abstract class WireShapeReader implements LlmResponseReader {

  private final String modelPackage;

  /** @param modelPackage the package prefix of the SDK's model classes, ending in a dot */
  WireShapeReader(String modelPackage) {
    this.modelPackage = modelPackage;
  }

  /** The JSON tree of one model object, made by the SDK's own mapper. */
  abstract JsonNode tree(Object model);

  @Override
  public final LlmResponse read(Object response) {
    if (isModel(response)) {
      return LlmResponse.read(tree(response));
    }
    if (response instanceof List<?> list && !list.isEmpty() && isModel(list.get(0))) {
      // a view: each event becomes a tree when the core reads it, which it does one at a time
      // and, for a very long stream, only for its first and last events
      return LlmResponse.read(new AbstractList<JsonNode>() {
        @Override
        public JsonNode get(int index) {
          Object event = list.get(index);
          return isModel(event) ? tree(event) : null;
        }

        @Override
        public int size() {
          return list.size();
        }
      });
    }
    return null;
  }

  private boolean isModel(Object value) {
    return value != null && value.getClass().getName().startsWith(modelPackage);
  }
}
