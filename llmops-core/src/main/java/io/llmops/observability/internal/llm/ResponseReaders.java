package io.llmops.observability.internal.llm;

import com.fasterxml.jackson.databind.JsonNode;
import io.llmops.observability.LlmResponse;
import io.llmops.observability.internal.capture.Snapshotter;
import io.llmops.observability.spi.SdkLog;
import io.llmops.observability.spi.LlmResponseReader;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.ListIterator;
import java.util.Map;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;

/**
 * Reads any response: registered {@link LlmResponseReader}s first, then the built-in readers of
 * JSON text, Jackson trees, maps and lists of stream events, each within {@link ReadLimits}.
 * Never throws, whatever it is handed: a failure (an OutOfMemoryError included) gives a response
 * that says {@link LlmResponse#INCOMPLETE_FAILED}. Internal.
 */
public final class ResponseReaders {

  private ResponseReaders() {}

  /** Reads {@code response} with {@code registered} (a runtime's readers) first, then the built-in ones. */
  public static LlmResponse read(Object response, List<LlmResponseReader> registered) {
    if (response == null) {
      return null;
    }
    if (response instanceof LlmResponse r) {
      return r;
    }
    for (LlmResponseReader reader : registered) {
      try {
        LlmResponse read = reader.read(response);
        if (read != null) {
          return read;
        }
      } catch (Throwable e) {
        logOnce("llm-reader-" + reader.getClass().getName(), "llmops: response reader "
            + reader.getClass().getName() + " failed; skipped", e);
      }
    }
    try {
      return builtIn(response);
    } catch (Throwable e) {
      logOnce("llm-reader-builtin", "llmops: could not read a " + response.getClass().getName()
          + " response; recorded without usage", e);
      return LlmResponse.builder().incomplete(LlmResponse.INCOMPLETE_FAILED).build();
    }
  }

  /** The built-in readers only (no ServiceLoader); for tests and benchmarks. */
  public static LlmResponse builtIn(Object response) {
    if (response instanceof CharSequence text) {
      return TextResponses.read(text);
    }
    if (response instanceof byte[] bytes) {
      return TextResponses.read(bytes);
    }
    if (response instanceof Map || (response instanceof JsonNode j && j.isObject())) {
      Budget budget = new Budget();
      Acc acc = Formats.object(Trees.copy(response, budget));
      if (acc != null && budget.skipped()) {
        acc.limited(LlmResponse.INCOMPLETE_LIMITS);
      }
      return acc == null ? null : acc.build();
    }
    List<?> events = events(response);
    if (events == null) {
      return null;
    }
    Acc acc = fold(events, response instanceof Collection<?> c && c.size() > events.size());
    return acc == null ? null : acc.build();
  }

  /**
   * A stream's events as a list: a List, array or Jackson array as it is, another collection's
   * first {@link ReadLimits#MAX_EVENTS}. Null for anything else.
   */
  private static List<?> events(Object response) {
    if (response instanceof List<?> list) {
      return list;
    }
    if (response instanceof Collection<?> c) {
      List<Object> head = new ArrayList<>(Math.min(c.size(), ReadLimits.MAX_EVENTS));
      for (Iterator<?> it = c.iterator(); it.hasNext() && head.size() < ReadLimits.MAX_EVENTS; ) {
        head.add(it.next());
      }
      return head;
    }
    if (response instanceof Object[] array) {
      return Arrays.asList(array);
    }
    if (response instanceof JsonNode j && j.isArray()) {
      return new AbstractList<JsonNode>() {
        @Override
        public JsonNode get(int index) {
          return j.get(index);
        }

        @Override
        public int size() {
          return j.size();
        }
      };
    }
    return null;
  }

  /**
   * Folds the events one at a time; of a list longer than {@link ReadLimits#MAX_EVENTS}, its
   * first events and its last {@link ReadLimits#TAIL_EVENTS} (where streams report usage).
   */
  private static Acc fold(List<?> events, boolean cut) {
    Streams.Fold fold = new Streams.Fold();
    if (cut) {
      fold.skipped();
    }
    int size = events.size();
    int head = size <= ReadLimits.MAX_EVENTS ? size : ReadLimits.MAX_EVENTS - ReadLimits.TAIL_EVENTS;
    Iterator<?> it = events.iterator();
    for (int i = 0; i < head && it.hasNext(); i++) {
      add(fold, it.next());
    }
    if (head < size) {
      fold.skipped();
      for (ListIterator<?> tail = events.listIterator(size - ReadLimits.TAIL_EVENTS); tail.hasNext(); ) {
        add(fold, tail.next());
      }
    }
    return fold.result();
  }

  private static void add(Streams.Fold fold, Object raw) {
    Budget budget = new Budget();
    fold.add(Trees.event(raw, budget), budget);
  }

  /**
   * The raw response as span output: a Jackson tree as a bounded tree of maps and lists, text as
   * its first characters, anything else as {@link Snapshotter} captures it.
   */
  public static Object capture(Object raw) {
    if (raw instanceof JsonNode tree) {
      return Trees.copy(tree, new Budget());
    }
    return Snapshotter.capture(raw);
  }

  /** A response string as a span keeps it (see {@link CappedText#forSpan}). */
  public static Object text(String text) {
    return CappedText.forSpan(text);
  }

  /** Tool calls as metadata values: {@code {id, name, arguments}} maps, nulls left out. */
  public static List<Object> toolCalls(LlmResponse response) {
    List<Object> calls = new ArrayList<>(response.toolCalls().size());
    for (LlmResponse.ToolCall call : response.toolCalls()) {
      Map<String, Object> map = new LinkedHashMap<>();
      if (call.id() != null) {
        map.put("id", call.id());
      }
      if (call.name() != null) {
        map.put("name", call.name());
      }
      if (call.arguments() != null) {
        map.put("arguments", text(call.arguments()));
      }
      calls.add(map);
    }
    return calls;
  }

  /**
   * The {@link LlmResponseReader}s that {@link ServiceLoader} finds through the thread's context
   * class loader and the core's own, each class once.
   */
  public static List<LlmResponseReader> discover() {
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
        logOnce("llm-reader-load", "llmops: could not load LlmResponseReader implementations", e);
      }
    }
    return List.copyOf(found);
  }

  /** Logs once per kind; under memory pressure even that may fail, and reading still returns. */
  private static void logOnce(String kind, String message, Throwable failure) {
    try {
      SdkLog.errorOnce(kind, message, failure);
    } catch (Throwable ignored) {
      // nothing more can be done without risking the caller
    }
  }
}
