package io.llmops.observability.sqs.internal;

/** When the spillover journal forces its writes to disk. Internal. */
public enum FsyncPolicy {
  /** After every append, before the append returns: acknowledged records survive a crash. */
  ALWAYS,
  /** When a segment is closed; a crash may lose the records of the open segment. */
  ROTATE,
  /** Never; the operating system decides. */
  NEVER;
}
