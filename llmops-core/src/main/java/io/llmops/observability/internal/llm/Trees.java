package io.llmops.observability.internal.llm;

import com.fasterxml.jackson.core.JsonParser;
import java.io.IOException;
import java.io.Reader;

/**
 * Turns what a reader is handed (JSON text, JSON bytes, maps, lists, Jackson trees) into bounded
 * trees ({@link ParsedTree}, {@link CopiedTree}). Internal.
 */
final class Trees {

  private Trees() {}

  /** A value handed in as a tree (map, Jackson tree, list), copied within {@code budget}. */
  static Object copy(Object value, Budget budget) {
    return CopiedTree.value(value, budget, 0);
  }

  /**
   * One stream event as handed in: a map or Jackson tree, or the JSON text of one event (an SSE
   * {@code data:} line included). Null when it is none of these; text too large to parse is
   * skipped and counted against {@code budget}.
   */
  static Object event(Object raw, Budget budget) {
    if (!(raw instanceof CharSequence text)) {
      return copy(raw, budget);
    }
    int start = Texts.skipWhitespace(text, 0, text.length());
    if (Texts.startsWith(text, start, "data:")) {
      start = Texts.skipWhitespace(text, start + 5, text.length());
    }
    if (!Texts.startsWith(text, start, "{")) {
      return null;
    }
    if (text.length() > ReadLimits.MAX_PARSED_CHARS) {
      budget.skip();
      return null;
    }
    return parse(new Texts.RegionReader(text, start, text.length()), budget);
  }

  /** The one JSON value of {@code reader}, or null when it holds anything else. */
  static Object parse(Reader reader, Budget budget) {
    try (JsonParser p = ParsedTree.parser(reader)) {
      return document(p, budget);
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  /** The one JSON value of {@code json}, or null when it holds anything else. */
  static Object parse(byte[] json, Budget budget) {
    if (json.length > ReadLimits.MAX_PARSED_CHARS) {
      budget.skip();
      return null;
    }
    try (JsonParser p = ParsedTree.FACTORY.createParser(json)) {
      return document(p, budget);
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  /** The parser's one value; an IOException when there is none or more than one. */
  static Object document(JsonParser p, Budget budget) throws IOException {
    if (p.nextToken() == null) {
      throw new IOException("no JSON value");
    }
    Object value = ParsedTree.value(p, budget, 0);
    if (p.nextToken() != null) {
      throw new IOException("more than one JSON value");
    }
    return value;
  }
}
