package io.llmops.observability.internal.model;

import org.jspecify.annotations.Nullable;

/**
 * Which part of a trace a message carries. A trace recorded in one process is one whole message;
 * work recorded elsewhere for the same trace (another service called with the trace's headers,
 * an evaluation recorded after the trace was sent) is a child segment: its own message with the
 * same trace id, merged by the processor. Internal.
 *
 * @param segmentId the child segment's own id, null for a trace's first message
 * @param child whether the message is a child segment ({@code is_child_segment})
 * @param hasExternalSegments whether another service answered a call made with this trace's
 *     headers, so that a child segment is on its way ({@code has_external_segments})
 * @param externalSegmentsExpected how many child segments this message's own calls produced
 *     ({@code external_segments_expected}), null when the SDK cannot know it exactly
 */
public record Segment(String segmentId, boolean child, boolean hasExternalSegments,
    @Nullable Integer externalSegmentsExpected) {

  /** A trace's first message, with no child segment expected. */
  public static final Segment WHOLE = new Segment(null, false, false, 0);

  public Segment {
    if (child == (segmentId == null)) {
      throw new IllegalArgumentException("segmentId must be set exactly for a child segment");
    }
    if (externalSegmentsExpected != null && externalSegmentsExpected < 0) {
      throw new IllegalArgumentException("externalSegmentsExpected must not be negative");
    }
  }

  /** A child segment with this id. */
  public static Segment child(String segmentId) {
    return new Segment(segmentId, true, false, 0);
  }

  /** The same segment, saying which child segments of other services are expected. */
  public Segment withExternalSegments(boolean expected, @Nullable Integer count) {
    return new Segment(segmentId, child, expected, count);
  }
}
