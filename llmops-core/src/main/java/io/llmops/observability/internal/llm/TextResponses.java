package io.llmops.observability.internal.llm;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.llmops.observability.LlmResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Reads a response handed in as text: one JSON document, a JSON array of stream events,
 * newline-delimited JSON or server-sent events' {@code data:} lines, or else plain text. JSON
 * text above {@link ReadLimits#MAX_PARSED_CHARS} is not parsed; everything else is parsed as a
 * stream of tokens, one document or event at a time, keeping only bounded trees. Internal.
 */
final class TextResponses {

  private TextResponses() {}

  static LlmResponse read(CharSequence text) {
    if (!parsable(text)) {
      return plain(text);
    }
    if (text.length() > ReadLimits.MAX_PARSED_CHARS) {
      return tooLarge();
    }
    int start = Texts.skipWhitespace(text, 0, text.length());
    boolean document = Texts.startsWith(text, start, "{") || Texts.startsWith(text, start, "[");
    boolean events = !Texts.startsWith(text, start, "[");
    Acc acc = null;
    boolean oneDocument = false;
    if (document) {
      try {
        acc = document(text, start);
        oneDocument = true;
      } catch (IOException | RuntimeException e) {
        // not one JSON document: maybe one per line
      }
    }
    if (!oneDocument && events) {
      acc = lines(text);
    }
    return acc != null ? acc.build() : plain(text);
  }

  /** Text handed in as UTF-8 bytes. */
  static LlmResponse read(byte[] bytes) {
    if (bytes.length <= ReadLimits.MAX_PARSED_CHARS) {
      return read(new String(bytes, StandardCharsets.UTF_8));
    }
    // too large to parse: decide on its first characters, decoding no more than text keeps
    String head = new String(bytes, 0, Math.min(bytes.length, 4 * ReadLimits.MAX_TEXT_CHARS),
        StandardCharsets.UTF_8);
    return parsable(head) ? tooLarge() : plain(head, characters(bytes));
  }

  /** Whether the text starts like JSON or a stream of events (else it is plain text). */
  private static boolean parsable(CharSequence text) {
    int start = Texts.skipWhitespace(text, 0, text.length());
    return Texts.startsWith(text, start, "{") || Texts.startsWith(text, start, "[")
        || Texts.startsWith(text, start, "data:") || Texts.startsWith(text, start, "event:");
  }

  private static LlmResponse tooLarge() {
    return LlmResponse.builder().incomplete(LlmResponse.INCOMPLETE_TOO_LARGE).build();
  }

  /** The response in one JSON value: an object, or an array of events. */
  private static Acc document(CharSequence text, int start) throws IOException {
    try (JsonParser p = ParsedTree.parser(new Texts.RegionReader(text, start, text.length()))) {
      if (p.nextToken() == JsonToken.START_ARRAY) {
        Streams.Fold fold = new Streams.Fold();
        boolean taking = true;
        while (p.nextToken() != JsonToken.END_ARRAY) {
          if (p.currentToken() == null) {
            throw new IOException("unexpected end of input in an array");
          }
          if (taking) {
            Budget budget = new Budget();
            taking = fold.add(ParsedTree.value(p, budget, 0), budget);
          } else {
            p.skipChildren(); // past the last event taken: the rest is only checked to be JSON
          }
        }
        requireEnd(p);
        return fold.result();
      }
      Budget budget = new Budget();
      Object tree = ParsedTree.value(p, budget, 0);
      requireEnd(p);
      Acc acc = Formats.object(tree);
      if (acc != null && budget.skipped()) {
        acc.limited(LlmResponse.INCOMPLETE_LIMITS);
      }
      return acc;
    }
  }

  private static void requireEnd(JsonParser p) throws IOException {
    if (p.nextToken() != null) {
      throw new IOException("more than one JSON value");
    }
  }

  /** Newline-delimited JSON and server-sent events, one event per line. */
  private static Acc lines(CharSequence text) {
    Streams.Fold fold = new Streams.Fold();
    int length = text.length();
    for (int lineStart = 0; lineStart < length; ) {
      int lineEnd = lineStart;
      while (lineEnd < length && text.charAt(lineEnd) != '\n') {
        lineEnd++;
      }
      int start = Texts.skipWhitespace(text, lineStart, lineEnd);
      int end = Texts.trimEnd(text, start, lineEnd);
      if (Texts.startsWith(text, start, "data:")) {
        start = Texts.skipWhitespace(text, start + 5, end);
      }
      if (Texts.startsWith(text, start, "{")) {
        Budget budget = new Budget();
        Object event = Trees.parse(new Texts.RegionReader(text, start, end), budget);
        if (event != null && !fold.add(event, budget)) {
          break;
        }
      }
      lineStart = lineEnd + 1;
    }
    return fold.result();
  }

  /** Text that is no JSON: the response text, its first characters kept. */
  private static LlmResponse plain(CharSequence text) {
    return plain(text, text.length());
  }

  private static LlmResponse plain(CharSequence text, long length) {
    CappedText kept = new CappedText();
    kept.append(length <= ReadLimits.MAX_TEXT_CHARS && text.length() == length ? text.toString()
        : Budget.cut(text, ReadLimits.MAX_TEXT_CHARS, length));
    return LlmResponse.builder().text(kept.text()).build();
  }

  /** How many characters UTF-8 {@code bytes} decode to (those that do not continue one). */
  private static long characters(byte[] bytes) {
    long count = 0;
    for (byte b : bytes) {
      if ((b & 0xC0) != 0x80) {
        count += (b & 0xF8) == 0xF0 ? 2 : 1; // four-byte sequences are surrogate pairs
      }
    }
    return count;
  }
}
