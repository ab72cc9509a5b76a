package io.llmops.observability.internal.llm;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import java.io.IOException;
import java.io.Reader;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads JSON text with a streaming parser into a bounded tree of maps, {@link CappedList}s,
 * strings (cut ones as {@code TruncatedText}), numbers and booleans, within a {@link Budget}:
 * what is not kept is skipped by the parser, never built. Internal.
 */
final class ParsedTree {

  /** Any string of a text within {@link ReadLimits#MAX_PARSED_CHARS} is allowed through. */
  static final JsonFactory FACTORY = JsonFactory.builder()
      .streamReadConstraints(StreamReadConstraints.builder()
          .maxStringLength(ReadLimits.MAX_PARSED_CHARS).build())
      .build();

  private ParsedTree() {}

  static JsonParser parser(Reader reader) throws IOException {
    return FACTORY.createParser(reader);
  }

  /** The value at the parser's current token, or null when it was skipped or is JSON null. */
  static Object value(JsonParser p, Budget budget, int depth) throws IOException {
    JsonToken token = p.currentToken();
    if (!budget.admit(depth)) {
      p.skipChildren(); // a scalar is skipped by the next token: its text is never decoded
      return null;
    }
    switch (token) {
      case START_OBJECT:
        return object(p, budget, depth);
      case START_ARRAY:
        return array(p, budget, depth);
      case VALUE_STRING:
        return string(p, budget);
      case VALUE_NUMBER_INT:
        return p.getNumberType() == JsonParser.NumberType.BIG_INTEGER
            ? (Object) p.getDoubleValue() : (Object) p.getLongValue();
      case VALUE_NUMBER_FLOAT:
        return p.getDoubleValue();
      case VALUE_TRUE:
        return Boolean.TRUE;
      case VALUE_FALSE:
        return Boolean.FALSE;
      default:
        return null;
    }
  }

  private static Map<String, Object> object(JsonParser p, Budget budget, int depth)
      throws IOException {
    Map<String, Object> map = new LinkedHashMap<>(8); // most response objects have a few keys
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String name = p.currentName();
      p.nextToken();
      if (budget.admitElement(map.size())) {
        Object value = value(p, budget, depth + 1);
        if (value != null) {
          map.put(name, value);
        }
      } else {
        p.skipChildren();
      }
    }
    return map;
  }

  private static CappedList array(JsonParser p, Budget budget, int depth) throws IOException {
    CappedList list = new CappedList(8);
    while (p.nextToken() != JsonToken.END_ARRAY) {
      if (p.currentToken() == null) {
        throw new IOException("unexpected end of input in an array");
      }
      list.counted(1);
      if (budget.admitElement(list.size())) {
        list.add(value(p, budget, depth + 1));
      } else {
        p.skipChildren();
      }
    }
    return list;
  }

  /** The string at the parser, copied only as far as it is kept. */
  private static Object string(JsonParser p, Budget budget) throws IOException {
    int length = p.getTextLength();
    int keep = budget.keep(length);
    String kept = new String(p.getTextCharacters(), p.getTextOffset(), keep);
    return keep == length ? kept : Budget.cut(kept, keep, length);
  }
}
