package io.llmops.observability.processor.service.internal;

import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * Renews the visibility timeout of the messages of every batch still being processed, so that a
 * slow batch does not reappear on the queue for another consumer. Run every
 * {@code heartbeat}, shorter than the visibility timeout.
 */
public final class Heartbeat implements Runnable {

  private static final System.Logger LOG =
      System.getLogger("io.llmops.observability.processor.service");

  private final QueueCalls queue;
  private final Set<InFlightBatch> inFlight;
  private final int visibilitySeconds;
  private final ServiceCounters counters;

  public Heartbeat(QueueCalls queue, Set<InFlightBatch> inFlight, Duration visibilityTimeout,
      ServiceCounters counters) {
    this.queue = queue;
    this.inFlight = inFlight;
    this.visibilitySeconds = (int) visibilityTimeout.getSeconds();
    this.counters = counters;
  }

  @Override
  public void run() {
    for (InFlightBatch batch : inFlight) {
      if (!batch.processing()) {
        continue;
      }
      List<?> failed = queue.changeVisibility(batch.messages(), message -> visibilitySeconds);
      counters.add(ServiceCounters.VISIBILITY_EXTENDED, batch.messages().size() - failed.size());
      if (!failed.isEmpty() && batch.processing()) {
        LOG.log(Level.WARNING, "the visibility of {0} message(s) in progress could not be extended;"
            + " another consumer may receive them too (processing is idempotent)", failed.size());
      }
    }
  }
}
