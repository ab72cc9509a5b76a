package io.llmops.observability.sqs.internal;

import java.nio.file.Path;

/**
 * A segment file of the spillover journal and what the journal knows of it. Guarded by the
 * journal's lock; the replay thread reads the file of a segment it claimed without the lock.
 * Internal.
 */
final class Segment {

  /** Its place in the replay order (oldest first); changes when the segment is adopted. */
  long seq;
  /** Its file; changes when the segment is adopted or taken over. */
  Path path;
  long bytes;
  /** Messages waiting: written and not yet marked done. */
  int records;
  /** Of those, messages written ahead that a worker still holds: not replayable yet. */
  int inMemory;
  /** Waiting messages when the replay thread read it; fewer at the end means a rewrite pays. */
  int recordsAtRead;
  boolean claimed;

  Segment(long seq, Path path) {
    this.seq = seq;
    this.path = path;
  }
}
