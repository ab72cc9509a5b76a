package io.llmops.observability.otlp.internal;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.sdk.trace.data.EventData;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits spans into requests whose size, estimated before compression, stays within a bound (a
 * span larger than the bound alone goes as a request of its own). The estimate counts the text of
 * names and attributes plus a fixed cost per value; it is close to the protobuf size because
 * protobuf adds a few bytes per field.
 */
final class SpanBatches {

  private static final int PER_SPAN = 96;
  private static final int PER_VALUE = 12;

  private SpanBatches() {}

  static List<List<SpanData>> split(List<SpanData> spans, long maxBytes) {
    List<List<SpanData>> batches = new ArrayList<>();
    List<SpanData> current = new ArrayList<>();
    long size = 0;
    for (SpanData span : spans) {
      long spanSize = estimate(span);
      if (!current.isEmpty() && size + spanSize > maxBytes) {
        batches.add(current);
        current = new ArrayList<>();
        size = 0;
      }
      current.add(span);
      size += spanSize;
    }
    if (!current.isEmpty()) {
      batches.add(current);
    }
    return batches;
  }

  static long estimate(SpanData span) {
    long size = PER_SPAN + utf8(span.getName()) + estimate(span.getAttributes());
    for (EventData event : span.getEvents()) {
      size += PER_VALUE + utf8(event.getName()) + estimate(event.getAttributes());
    }
    return size;
  }

  private static long estimate(Attributes attributes) {
    long[] size = {0};
    attributes.forEach((AttributeKey<?> key, Object value) -> {
      size[0] += PER_VALUE + utf8(key.getKey());
      if (value instanceof List<?> list) {
        for (Object element : list) {
          size[0] += PER_VALUE + utf8(String.valueOf(element));
        }
      } else {
        size[0] += utf8(String.valueOf(value));
      }
    });
    return size[0];
  }

  /** UTF-8 length without encoding: at most three bytes a char (surrogate pairs make four from two). */
  private static long utf8(String text) {
    long bytes = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      bytes += c < 0x80 ? 1 : c < 0x800 ? 2 : Character.isSurrogate(c) ? 2 : 3;
    }
    return bytes;
  }
}
