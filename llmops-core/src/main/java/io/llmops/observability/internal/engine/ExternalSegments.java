package io.llmops.observability.internal.engine;

import java.util.HashSet;
import java.util.Set;

/**
 * The child segments a trace's own calls produced: the distinct segment ids that called services
 * named in their responses ({@code x-llmops-segment}). The count is exact until a call carried
 * the trace's headers somewhere the SDK did not see answer (a carrier handed to user code, a call
 * that failed after sending, an answer whose headers were not given); from then on it is unknown.
 * Bounded: past {@link #MAX_IDS} ids it is unknown too. Thread-safe. Internal.
 */
final class ExternalSegments {

  static final int MAX_IDS = 1024;

  private final Set<String> ids = new HashSet<>();
  private boolean unknown;

  /** A called service answered that it records the segment {@code segmentId}. */
  synchronized void answered(String segmentId) {
    if (unknown) {
      return;
    }
    if (ids.size() == MAX_IDS && !ids.contains(segmentId)) {
      unknown = true;
      ids.clear();
      return;
    }
    ids.add(segmentId);
  }

  /** The trace's headers went where the SDK cannot see whether a segment came of it. */
  synchronized void unfollowed() {
    unknown = true;
    ids.clear();
  }

  /** Whether a called service said it records a segment. */
  synchronized boolean any() {
    return !ids.isEmpty();
  }

  /** How many segments are expected, or null when the count is unknown. */
  synchronized Integer expected() {
    return unknown ? null : ids.size();
  }
}
