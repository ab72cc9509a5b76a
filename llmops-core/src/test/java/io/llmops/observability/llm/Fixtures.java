package io.llmops.observability.llm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Provider response bodies under src/test/resources/llm, as text, trees, maps and event lists. */
final class Fixtures {

  static final ObjectMapper JSON = new ObjectMapper();

  private Fixtures() {}

  static String text(String name) {
    try (InputStream in = Fixtures.class.getResourceAsStream("/llm/" + name)) {
      if (in == null) {
        throw new IllegalArgumentException("no fixture " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static JsonNode tree(String name) {
    try {
      return JSON.readTree(text(name));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> map(String name) {
    try {
      return JSON.readValue(text(name), Map.class);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The events of a .jsonl or .sse fixture as a list of maps. */
  @SuppressWarnings("unchecked")
  static List<Object> events(String name) {
    List<Object> events = new ArrayList<>();
    for (String line : text(name).split("\n")) {
      String l = line.strip();
      if (l.startsWith("data:")) {
        l = l.substring(5).strip();
      }
      if (l.startsWith("{")) {
        try {
          events.add(JSON.readValue(l, Map.class));
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
    }
    return events;
  }
}
