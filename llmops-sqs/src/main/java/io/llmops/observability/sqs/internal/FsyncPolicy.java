package io.llmops.observability.sqs.internal;

import java.util.Locale;

/** When the spillover journal forces its writes to disk. Internal. */
public enum FsyncPolicy {
  /** After every append, before the append returns: acknowledged records survive a crash. */
  ALWAYS,
  /** When a segment is closed; a crash may lose the records of the open segment. */
  ROTATE,
  /** Never; the operating system decides. */
  NEVER;

  static FsyncPolicy parse(String variable, String text) {
    try {
      return valueOf(text.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(variable + "=" + text
          + " is invalid: expected always, rotate or never", e);
    }
  }
}
