package io.llmops.observability.internal.capture;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.POJONode;

/**
 * Jackson trees are captured as the JSON they hold. Without this a {@code JsonNode}, being
 * {@code Iterable}, would be captured as the list of its children (a text node as an empty list,
 * an object without its keys). Internal.
 */
final class JsonNodes {

  private JsonNodes() {}

  /**
   * What a scalar node holds (text, number, boolean, base64 of binary, the object of a POJO
   * node), or null for null and missing nodes. Containers are walked by the caller.
   */
  static Object scalar(JsonNode node) {
    if (node.isTextual()) {
      return node.textValue();
    }
    if (node.isBoolean()) {
      return node.booleanValue();
    }
    if (node.isNumber()) {
      return node.numberValue();
    }
    if (node.isBinary()) {
      return node.asText();
    }
    if (node instanceof POJONode pojo) {
      return pojo.getPojo();
    }
    return null;
  }
}
