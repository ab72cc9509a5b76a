package io.llmops.observability.internal.config;

import io.llmops.observability.spi.SdkLog;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Warns, once per name, about an {@code LLMOPS_*} variable that nothing reads (a misspelling such
 * as {@code LLMOPS_SINK} is otherwise ignored in silence), naming where it was set and the
 * closest known name. Only names are logged, never values. Internal.
 */
final class UnknownVariables {

  private static final String PREFIX = "LLMOPS_";
  /** Beyond this many edits a known name is no longer a useful suggestion. */
  private static final int MAX_EDITS = 3;

  private UnknownVariables() {}

  /** {@code layers}: source to the names it sets; {@code declared}: names that keys declare. */
  static void warn(Map<String, ? extends Collection<String>> layers, Collection<String> declared) {
    Set<String> known = new TreeSet<>(KnownVariables.NAMES);
    known.addAll(KnownVariables.PROPERTIES_ONLY);
    known.addAll(declared);
    layers.forEach((source, names) -> {
      for (String name : names) {
        if (name.startsWith(PREFIX) && !known.contains(name)) {
          String closest = closest(name, known);
          SdkLog.warnOnce("unknown-variable-" + name, "llmops: " + name + " (" + source
              + ") is not a setting of the SDK and is ignored"
              + (closest == null ? "; docs/CONFIGURATION.md lists them all"
                  : "; did you mean " + closest + "?"));
        }
      }
    });
  }

  static String closest(String name, Collection<String> known) {
    String best = null;
    int bestEdits = MAX_EDITS + 1;
    for (String candidate : known) {
      int edits = edits(name, candidate);
      if (edits < bestEdits) {
        best = candidate;
        bestEdits = edits;
      }
    }
    return best;
  }

  /** Levenshtein distance. */
  private static int edits(String a, String b) {
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
        current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[b.length()];
  }
}
