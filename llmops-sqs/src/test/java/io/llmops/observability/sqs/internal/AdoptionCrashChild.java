package io.llmops.observability.sqs.internal;

import io.llmops.observability.export.SinkMetrics;
import java.nio.file.Path;

/**
 * The child process of {@link AdoptionCrashTest}: opens the journal of the directory given as
 * argument (it owns it) and adopts what a process that is gone left in a subdirectory. The test
 * kills it while it does.
 */
public final class AdoptionCrashChild {

  private AdoptionCrashChild() {}

  public static void main(String[] args) {
    SpilloverJournal journal = SpilloverJournal.acquire(Path.of(args[0]), AdoptionCrashTest.CAP_BYTES, FsyncPolicy.NEVER);
    journal.adoptOrphans(SinkMetrics.detached());
  }
}
