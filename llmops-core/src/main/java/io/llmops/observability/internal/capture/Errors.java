package io.llmops.observability.internal.capture;

import io.llmops.observability.internal.model.ErrorInfo;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;

/** Captures a throwable as {@link ErrorInfo} without ever throwing itself. Internal. */
public final class Errors {

  private static final int MAX_MESSAGE_CHARS = 4_000;
  private static final int MAX_TRACE_CHARS = 16_000;

  private Errors() {}

  public static ErrorInfo capture(Throwable error) {
    if (error == null) {
      return new ErrorInfo("null", null, "");
    }
    return new ErrorInfo(error.getClass().getName(), safeMessage(error), stackTrace(error));
  }

  static String safeMessage(Throwable error) {
    try {
      String message = error.getMessage();
      if (message != null && message.length() > MAX_MESSAGE_CHARS) {
        return message.substring(0, MAX_MESSAGE_CHARS) + "…";
      }
      return message;
    } catch (Throwable t) {
      return "<getMessage() threw " + t.getClass().getName() + ">";
    }
  }

  private static String stackTrace(Throwable error) {
    StringBuilder out = new StringBuilder(1024);
    Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    Throwable current = error;
    for (int depth = 0; current != null && depth <= CaptureLimits.MAX_CAUSES; depth++) {
      if (!seen.add(current)) {
        out.append("[cycle in cause chain]\n");
        break;
      }
      if (depth > 0) {
        out.append("Caused by: ");
      }
      out.append(current.getClass().getName());
      String message = safeMessage(current);
      if (message != null) {
        out.append(": ").append(message);
      }
      out.append('\n');
      StackTraceElement[] frames;
      try {
        frames = current.getStackTrace();
      } catch (Throwable t) { // an overridden getStackTrace() must not replace the user's exception
        out.append("\t<getStackTrace() threw ").append(t.getClass().getName()).append(">\n");
        frames = new StackTraceElement[0];
      }
      int shown = Math.min(frames.length, CaptureLimits.MAX_FRAMES);
      for (int i = 0; i < shown; i++) {
        out.append("\tat ").append(frames[i]).append('\n');
      }
      if (frames.length > shown) {
        out.append("\t... ").append(frames.length - shown).append(" more\n");
      }
      if (out.length() > MAX_TRACE_CHARS) {
        out.setLength(MAX_TRACE_CHARS);
        out.append("\n[stack trace truncated]");
        break;
      }
      try {
        current = current.getCause();
      } catch (Throwable t) {
        out.append("[getCause() threw ").append(t.getClass().getName()).append("]\n");
        break;
      }
    }
    return out.toString();
  }
}
