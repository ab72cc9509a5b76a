package io.llmops.observability.processor.sink;

import io.llmops.observability.processor.LocalFolderStore;
import io.llmops.observability.processor.ObjectStore;
import io.llmops.observability.processor.TraceSink;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The processor's sinks, chosen by settings (docs/PROCESSOR.md, "Sinks and delivery"):
 *
 * <ul>
 *   <li>{@value #SINKS}: comma-separated, from {@code archive}, {@code langfuse}, {@code otlp};
 *       default {@code archive};
 *   <li>{@value #ARCHIVE_FOLDER}: archive into this folder instead of the processor's store;
 *   <li>{@value #ATTEMPTS} (1 to 10, default 4), {@value #BACKOFF} (seconds, default 0.5),
 *       {@value #DEADLINE} (seconds, 1 to 600, default 30): the {@link DeliveryPolicy};
 *   <li>the {@code langfuse} and {@code otlp} sinks read llmops-otlp's variables
 *       ({@code LANGFUSE_*}, {@code OTEL_EXPORTER_OTLP_*}, {@code OTEL_SERVICE_NAME},
 *       {@code LLMOPS_OTLP_*}) from the same settings.
 * </ul>
 */
public final class ProcessorSinks {

  public static final String SINKS = "LLMOPS_PROCESSOR_SINKS";
  public static final String ARCHIVE_FOLDER = "LLMOPS_PROCESSOR_ARCHIVE_FOLDER";
  public static final String ATTEMPTS = "LLMOPS_PROCESSOR_SINK_ATTEMPTS";
  public static final String BACKOFF = "LLMOPS_PROCESSOR_SINK_BACKOFF";
  public static final String DEADLINE = "LLMOPS_PROCESSOR_SINK_DEADLINE";

  private static final List<String> KNOWN = List.of("archive", "langfuse", "otlp");
  private static final Duration MAX_BACKOFF = Duration.ofSeconds(5);

  private ProcessorSinks() {}

  /**
   * The fan-out over the sinks {@code settings} name, keeping its delivery ledger (and, unless
   * {@value #ARCHIVE_FOLDER} is set, the archive) in {@code store}.
   *
   * @throws IllegalArgumentException naming the setting when one is invalid or names an unknown
   *     sink (the message quotes no value but a sink name), or naming the argument when one is
   *     null
   */
  public static SinkFanOut fromSettings(Map<String, String> settings, ObjectStore store) {
    if (settings == null) {
      throw new IllegalArgumentException("settings must not be null");
    }
    if (store == null) {
      throw new IllegalArgumentException("store must not be null");
    }
    DeliveryPolicy policy = policyOf(settings);
    Duration spanBudget = policy.sinkDeadline().minus(policy.sinkDeadline().dividedBy(10));
    List<TraceSink> sinks = new ArrayList<>();
    for (String name : namesOf(settings)) {
      sinks.add(switch (name) {
        case "archive" -> new ArchiveSink("archive", archiveStore(settings, store));
        case "langfuse" -> SpanSink.langfuse(settings, spanBudget);
        default -> SpanSink.otlp(settings, spanBudget);
      });
    }
    return new SinkFanOut(sinks, store, policy);
  }

  private static Set<String> namesOf(Map<String, String> settings) {
    Set<String> names = new LinkedHashSet<>();
    for (String part : settings.getOrDefault(SINKS, "archive").split(",", -1)) {
      String name = part.trim();
      if (!KNOWN.contains(name)) {
        throw new IllegalArgumentException(SINKS + " names an unknown sink"
            + (name.isEmpty() ? " (an empty name)" : " '" + name + "'") + "; known: "
            + String.join(", ", KNOWN));
      }
      if (!names.add(name)) {
        throw new IllegalArgumentException(SINKS + " names the sink '" + name + "' twice");
      }
    }
    return names;
  }

  private static ObjectStore archiveStore(Map<String, String> settings, ObjectStore store) {
    String folder = settings.get(ARCHIVE_FOLDER);
    if (folder == null) {
      return store;
    }
    if (folder.isBlank()) {
      throw new IllegalArgumentException(ARCHIVE_FOLDER + " must be a folder path");
    }
    return new LocalFolderStore(Path.of(folder));
  }

  private static DeliveryPolicy policyOf(Map<String, String> settings) {
    int attempts = (int) number(settings, ATTEMPTS, 1, 10, 4, true);
    Duration backoff = seconds(settings, BACKOFF, 0, 60, 0.5);
    Duration deadline = seconds(settings, DEADLINE, 1, 600, 30);
    return new DeliveryPolicy(attempts, backoff,
        backoff.compareTo(MAX_BACKOFF) > 0 ? backoff : MAX_BACKOFF, deadline);
  }

  private static Duration seconds(Map<String, String> settings, String name, double min,
      double max, double fallback) {
    return Duration.ofMillis(Math.round(number(settings, name, min, max, fallback, false) * 1000));
  }

  private static double number(Map<String, String> settings, String name, double min, double max,
      double fallback, boolean whole) {
    String raw = settings.get(name);
    if (raw == null) {
      return fallback;
    }
    try {
      double value = Double.parseDouble(raw.trim());
      if (value >= min && value <= max && (!whole || value == Math.rint(value))) {
        return value;
      }
    } catch (NumberFormatException e) {
      // reported below, without the value
    }
    throw new IllegalArgumentException(name + " must be " + (whole ? "a whole number" : "a number")
        + " from " + format(min) + " to " + format(max));
  }

  private static String format(double value) {
    return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
  }
}
