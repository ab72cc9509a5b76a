package io.llmops.observability.ui.internal;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A page of the traces list: exact filters, a search text, a time range, and the cursor after
 * which the page starts (the last row of the page before: newest first, so older rows follow).
 *
 * @param search text searched in name, user, session and trace id
 * @param text words searched in the inputs and outputs of the trace and its spans ({@link TraceText})
 * @param fromMs earliest start, epoch milliseconds, inclusive
 * @param toMs latest start, epoch milliseconds, exclusive
 * @param afterStartMs the cursor's start, with {@code afterTraceId}
 */
public record TraceQuery(
    @Nullable String name,
    @Nullable String user,
    @Nullable String session,
    @Nullable String tag,
    @Nullable String status,
    @Nullable String model,
    @Nullable String search,
    @Nullable String text,
    @Nullable Long fromMs,
    @Nullable Long toMs,
    int limit,
    @Nullable Long afterStartMs,
    @Nullable String afterTraceId) {

  /** The most rows one page may have. */
  public static final int MAX_LIMIT = 500;

  /** The page size when none is asked for. */
  public static final int DEFAULT_LIMIT = 50;

  public TraceQuery {
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new IllegalArgumentException("limit must be from 1 to " + MAX_LIMIT);
    }
    if (text != null && TraceText.match(text) == null) {
      throw new IllegalArgumentException("text must contain a letter or a digit");
    }
    if ((afterStartMs == null) != (afterTraceId == null)) {
      throw new IllegalArgumentException("cursor must name a start and a trace id");
    }
  }

  /** The first page of everything. */
  public static TraceQuery newest(int limit) {
    return new TraceQuery(null, null, null, null, null, null, null, null, null, null, limit, null, null);
  }

  /**
   * The query of a request's parameters: {@code name, user, session, tag, status, model, q,
   * text, from, to} (epoch milliseconds), {@code limit}, {@code cursor} ({@code <start ms>:<trace id>}).
   *
   * @throws IllegalArgumentException naming the parameter that is not valid
   */
  public static TraceQuery of(Map<String, String> parameters) {
    String cursor = blankToNull(parameters.get("cursor"));
    Long afterStart = null;
    String afterId = null;
    if (cursor != null) {
      int colon = cursor.indexOf(':');
      if (colon < 1) {
        throw new IllegalArgumentException("cursor must be <start ms>:<trace id>");
      }
      afterStart = number("cursor", cursor.substring(0, colon));
      afterId = cursor.substring(colon + 1);
    }
    String status = blankToNull(parameters.get("status"));
    if (status != null && !status.equals("success") && !status.equals("error")) {
      throw new IllegalArgumentException("status must be success or error");
    }
    String limit = blankToNull(parameters.get("limit"));
    return new TraceQuery(
        blankToNull(parameters.get("name")),
        blankToNull(parameters.get("user")),
        blankToNull(parameters.get("session")),
        blankToNull(parameters.get("tag")),
        status,
        blankToNull(parameters.get("model")),
        blankToNull(parameters.get("q")),
        blankToNull(parameters.get("text")),
        optionalNumber("from", parameters.get("from")),
        optionalNumber("to", parameters.get("to")),
        limit == null ? DEFAULT_LIMIT : Math.toIntExact(number("limit", limit)),
        afterStart,
        afterId);
  }

  private static @Nullable Long optionalNumber(String field, @Nullable String value) {
    return blankToNull(value) == null ? null : number(field, value);
  }

  private static long number(String field, String value) {
    try {
      return Long.parseLong(value.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(field + " must be a whole number");
    }
  }

  private static @Nullable String blankToNull(@Nullable String value) {
    return value == null || value.isBlank() ? null : value;
  }
}
