package io.llmops.observability.processor.sink.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;

/**
 * Where the archive keeps a trace:
 * {@code traces/{project}/{environment}/{yyyy}/{MM}/{dd}/{trace_id}.json}, the date the trace's
 * {@code start_time} in UTC (epoch seconds as the SDKs write it, or ISO-8601), {@code undated}
 * instead of the date when it has none. The same trace always maps to the same key: a late export
 * rewrites it. Internal.
 */
public final class ArchiveKey {

  private ArchiveKey() {}

  public static String of(JsonNode trace) {
    String project = KeyParts.readable(trace.path("project_id").asText(""), "unknown");
    String environment = KeyParts.readable(trace.path("environment").asText(""), "unknown");
    String traceId = KeyParts.encoded(trace.path("trace_id").asText(""));
    return "traces/" + project + "/" + environment + "/" + datePath(trace.path("start_time"))
        + "/" + traceId + ".json";
  }

  private static String datePath(JsonNode startTime) {
    Instant start = instantOf(startTime);
    if (start == null) {
      return "undated";
    }
    ZonedDateTime utc = start.atZone(ZoneOffset.UTC);
    return String.format("%04d/%02d/%02d", utc.getYear(), utc.getMonthValue(), utc.getDayOfMonth());
  }

  private static Instant instantOf(JsonNode startTime) {
    if (startTime.isNumber()) {
      double seconds = startTime.asDouble();
      // years 0001 to 9999, so that the path keeps four digits
      return seconds >= -62_135_596_800d && seconds < 253_402_300_800d
          ? Instant.ofEpochMilli((long) Math.floor(seconds * 1000)) : null;
    }
    if (startTime.isTextual()) {
      try {
        return Instant.parse(startTime.asText());
      } catch (DateTimeParseException e) {
        return null;
      }
    }
    return null;
  }
}
