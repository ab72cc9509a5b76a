package io.llmops.observability.internal.propagation;

import io.llmops.observability.RemoteParent;
import io.llmops.observability.TraceHeaders;
import io.llmops.observability.internal.common.HexIds;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Reads the caller from a request's trace headers, trusting nothing: each header that is not
 * exactly valid (or is sent twice) is treated as absent, and what is left decides. A valid {@code
 * traceparent} with a matching {@code x-llmops-trace-id} is a caller that merges segments; a
 * valid {@code traceparent} alone is any other W3C caller; an {@code x-llmops-trace-id} without a
 * valid {@code traceparent} names no calling span and is ignored. Internal.
 */
public final class IncomingHeaders {

  /** What the headers say: the caller, and why a header present was ignored (both may be null). */
  public record Reading(RemoteParent parent, String ignoredBecause) {}

  private static final Reading NONE = new Reading(null, null);
  /** A trace id in the UUID layout is 36 characters; anything longer is refused unread. */
  private static final int MAX_TRACE_ID_LENGTH = 36;

  private IncomingHeaders() {}

  public static Reading read(Function<String, ? extends Iterable<String>> headerValues) {
    List<String> traceparents = firstTwo(headerValues.apply(TraceHeaders.TRACEPARENT));
    List<String> llmopsIds = firstTwo(headerValues.apply(TraceHeaders.LLMOPS_TRACE_ID));
    if (traceparents.isEmpty() && llmopsIds.isEmpty()) {
      return NONE;
    }
    String ignored = null;
    Optional<TraceParent> traceparent = Optional.empty();
    if (traceparents.size() > 1) {
      ignored = "traceparent sent more than once";
    } else if (!traceparents.isEmpty()) {
      traceparent = TraceParent.parse(traceparents.get(0));
      ignored = traceparent.isEmpty() ? "traceparent is not a valid W3C Trace Context value" : null;
    }
    String llmopsId = null;
    if (llmopsIds.size() > 1) {
      ignored = "x-llmops-trace-id sent more than once";
    } else if (!llmopsIds.isEmpty()) {
      llmopsId = llmopsIds.get(0);
      String problem = traceparent.isEmpty() ? "x-llmops-trace-id came without a valid traceparent"
          : !isTraceId(llmopsId) ? "x-llmops-trace-id is not a trace id"
          : !HexIds.digits(llmopsId).equals(traceparent.get().traceId())
              ? "x-llmops-trace-id and traceparent name different traces" : null;
      if (problem != null) {
        ignored = problem;
        llmopsId = null;
      }
    }
    if (traceparent.isEmpty()) {
      return new Reading(null, ignored);
    }
    TraceParent w3c = traceparent.get();
    RemoteParent parent = llmopsId != null
        ? new RemoteParent(llmopsId, w3c.parentId(), w3c.isSampled(), true)
        : new RemoteParent(w3c.traceId(), w3c.parentId(), w3c.isSampled(), false);
    return new Reading(parent, ignored);
  }

  private static boolean isTraceId(String value) {
    return value.length() <= MAX_TRACE_ID_LENGTH && HexIds.isTraceId(value);
  }

  /** At most two values (enough to see a repeat) of a header, nulls left out. */
  private static List<String> firstTwo(Iterable<String> values) {
    List<String> first = new ArrayList<>(2);
    if (values == null) {
      return first;
    }
    Iterator<String> each = values.iterator();
    while (first.size() < 2 && each.hasNext()) {
      String value = each.next();
      if (value != null) {
        first.add(value);
      }
    }
    return first;
  }
}
