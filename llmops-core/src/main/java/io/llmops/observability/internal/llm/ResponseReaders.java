package io.llmops.observability.internal.llm;

import io.llmops.observability.LlmResponse;
import io.llmops.observability.internal.engine.InternalLog;
import io.llmops.observability.spi.LlmResponseReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;

/**
 * Reads any response: registered {@link LlmResponseReader}s first, then the built-in readers of
 * JSON text, Jackson trees, maps and lists of stream events. Never throws. Internal.
 */
public final class ResponseReaders {

  private static volatile List<LlmResponseReader> registered;

  private ResponseReaders() {}

  public static LlmResponse read(Object response) {
    if (response == null) {
      return null;
    }
    if (response instanceof LlmResponse r) {
      return r;
    }
    for (LlmResponseReader reader : registered()) {
      try {
        LlmResponse read = reader.read(response);
        if (read != null) {
          return read;
        }
      } catch (RuntimeException | LinkageError e) {
        InternalLog.errorOnce("llm-reader-" + reader.getClass().getName(), "llmops: response reader "
            + reader.getClass().getName() + " failed; skipped", e);
      }
    }
    try {
      return builtIn(response);
    } catch (RuntimeException | StackOverflowError e) {
      InternalLog.errorOnce("llm-reader-builtin", "llmops: could not read a "
          + response.getClass().getName() + " response; recorded without usage", e);
      return null;
    }
  }

  /** The built-in readers only (no ServiceLoader); for tests and benchmarks. */
  public static LlmResponse builtIn(Object response) {
    Acc acc;
    if (response instanceof CharSequence s) {
      return text(s.toString());
    } else if (response instanceof byte[] bytes) {
      return text(new String(bytes, StandardCharsets.UTF_8));
    } else if (Node.isObject(response)) {
      acc = Formats.object(response);
    } else if (Node.isArray(response)) {
      acc = Streams.fold(Node.list(response));
    } else {
      return null;
    }
    return acc == null ? null : acc.build();
  }

  /** JSON text, newline-delimited JSON or server-sent events; anything else is the response text. */
  private static LlmResponse text(String text) {
    String s = text.strip();
    if (s.startsWith("{") || s.startsWith("[")) {
      try {
        Object tree = Node.JSON.readTree(s);
        Acc acc = Node.isObject(tree) ? Formats.object(tree) : Streams.fold(Node.list(tree));
        if (acc != null) {
          return acc.build();
        }
      } catch (Exception e) {
        // not one JSON document: maybe one per line
      }
    }
    if (s.startsWith("{") || s.startsWith("data:") || s.startsWith("event:")) {
      List<Object> lines = new ArrayList<>();
      for (String line : s.split("\r?\n")) {
        String l = line.strip();
        if (l.startsWith("{") || (l.startsWith("data:") && !l.endsWith("[DONE]"))) {
          lines.add(l);
        }
      }
      Acc acc = lines.isEmpty() ? null : Streams.fold(lines);
      if (acc != null) {
        return acc.build();
      }
    }
    return LlmResponse.ofText(text);
  }

  /** The raw response as span output: a Jackson tree as maps and lists, anything else as is. */
  public static Object capture(Object raw) {
    Object value = raw;
    if (raw instanceof com.fasterxml.jackson.databind.JsonNode tree) {
      try {
        value = Node.JSON.convertValue(tree, Object.class);
      } catch (RuntimeException e) {
        value = tree.toString();
      }
    }
    return io.llmops.observability.internal.capture.Snapshotter.capture(value);
  }

  /** Tool calls as metadata values: {@code {id, name, arguments}} maps, nulls left out. */
  public static List<Object> toolCalls(LlmResponse response) {
    List<Object> calls = new ArrayList<>(response.toolCalls().size());
    for (LlmResponse.ToolCall call : response.toolCalls()) {
      java.util.Map<String, Object> map = new java.util.LinkedHashMap<>();
      if (call.id() != null) {
        map.put("id", call.id());
      }
      if (call.name() != null) {
        map.put("name", call.name());
      }
      if (call.arguments() != null) {
        map.put("arguments", io.llmops.observability.internal.capture.Snapshotter.text(call.arguments()));
      }
      calls.add(map);
    }
    return calls;
  }

  private static List<LlmResponseReader> registered() {
    List<LlmResponseReader> list = registered;
    if (list == null) {
      synchronized (ResponseReaders.class) {
        list = registered;
        if (list == null) {
          registered = list = load();
        }
      }
    }
    return list;
  }

  private static List<LlmResponseReader> load() {
    List<LlmResponseReader> found = new ArrayList<>();
    List<String> seen = new ArrayList<>();
    ClassLoader own = ResponseReaders.class.getClassLoader();
    ClassLoader context = Thread.currentThread().getContextClassLoader();
    for (ClassLoader loader : context == null || context == own
        ? List.of(own) : List.of(context, own)) {
      try {
        for (LlmResponseReader reader : ServiceLoader.load(LlmResponseReader.class, loader)) {
          if (!seen.contains(reader.getClass().getName())) {
            seen.add(reader.getClass().getName());
            found.add(reader);
          }
        }
      } catch (ServiceConfigurationError | RuntimeException | LinkageError e) {
        InternalLog.errorOnce("llm-reader-load", "llmops: could not load LlmResponseReader "
            + "implementations", e);
      }
    }
    return List.copyOf(found);
  }
}
