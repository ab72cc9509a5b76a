package io.llmops.observability.internal.capture;

import io.llmops.observability.internal.model.ErrorInfo;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;

/**
 * Captures a throwable as {@link ErrorInfo} without ever throwing itself. Each of the
 * throwable's own methods that an application class may override ({@code getMessage},
 * {@code getStackTrace}, {@code getCause}) runs once. The message and the stack trace keep
 * {@link CaptureLimits#CUT_LOOKAHEAD_CHARS} beyond their limits: the export redacts them first and
 * then cuts them to {@link #MAX_MESSAGE_CHARS} and {@link #MAX_TRACE_CHARS}. Internal.
 */
public final class Errors {

  /** Characters of an exception message exported. */
  public static final int MAX_MESSAGE_CHARS = 4_000;
  /** Characters of a stack trace exported. */
  public static final int MAX_TRACE_CHARS = 16_000;

  private Errors() {}

  public static ErrorInfo capture(Throwable error) {
    if (error == null) {
      return new ErrorInfo("null", null, "");
    }
    String message = safeMessage(error);
    return new ErrorInfo(error.getClass().getName(), message, stackTrace(error, message));
  }

  /** The message, kept up to its limit plus the look-ahead; a failing getMessage() is described. */
  static String safeMessage(Throwable error) {
    try {
      return keep(error.getMessage(), MAX_MESSAGE_CHARS);
    } catch (Throwable t) {
      return "<getMessage() threw " + t.getClass().getName() + ">";
    }
  }

  /** A status or error message as kept until export: its limit plus the look-ahead. */
  public static String keepMessage(String text) {
    return keep(text, MAX_MESSAGE_CHARS);
  }

  private static String keep(String text, int limit) {
    int keep = limit + CaptureLimits.CUT_LOOKAHEAD_CHARS;
    return text == null || text.length() <= keep ? text : text.substring(0, keep);
  }

  private static String stackTrace(Throwable error, String headMessage) {
    int keep = MAX_TRACE_CHARS + CaptureLimits.CUT_LOOKAHEAD_CHARS;
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
      String message = depth == 0 ? headMessage : safeMessage(current);
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
      if (out.length() > keep) {
        out.setLength(keep); // cut again, after redaction, by the export
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
