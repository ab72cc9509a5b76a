package io.llmops.observability.processor;

import io.llmops.observability.processor.internal.Counters;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The processor: each message decoded ({@link BatchDecoder}), its piece staged and merged
 * ({@link SegmentCoordinator}), whole traces handed to the {@link TraceDelivery}. A message is
 * done once its piece is staged and decided; a store or delivery failure leaves it on the queue,
 * never loses it. Thread-safe; several instances may share one store (docs/PROCESSOR.md).
 */
public final class TraceProcessor implements BatchProcessor {

  private static final System.Logger LOG = System.getLogger("io.llmops.observability.processor");

  private final BatchDecoder decoder;
  private final SegmentCoordinator coordinator;
  private final Counters counters = new Counters();

  /** @throws IllegalArgumentException naming the argument that is null */
  public TraceProcessor(BatchDecoder decoder, ObjectStore store, TraceDelivery delivery,
      MergeWindows windows, Clock clock) {
    if (decoder == null) {
      throw new IllegalArgumentException("decoder must not be null");
    }
    this.decoder = decoder;
    this.coordinator = new SegmentCoordinator(store, delivery, windows, clock, counters);
  }

  @Override
  public BatchOutcome process(List<IncomingMessage> batch) {
    BatchResult decoded = decoder.decode(batch);
    List<String> retry = new ArrayList<>(decoded.failed());
    for (BatchResult.Decoded message : decoded.decoded()) {
      SegmentCoordinator.Outcome outcome;
      try {
        outcome = coordinator.accept(message.trace());
      } catch (IOException | RuntimeException e) {
        counters.increment("store.failures");
        LOG.log(Level.WARNING, "message {0}: left on the queue, the store failed ({1})",
            message.messageId(), e.getClass().getName());
        outcome = SegmentCoordinator.Outcome.RETRY;
      }
      if (outcome == SegmentCoordinator.Outcome.RETRY) {
        counters.increment("messages.retried");
        retry.add(message.messageId());
      } else {
        counters.increment("messages.done");
      }
    }
    return new BatchOutcome(List.copyOf(retry));
  }

  @Override
  public int sweep() {
    try {
      return coordinator.sweep();
    } catch (IOException | RuntimeException e) {
      counters.increment("sweep.failures");
      LOG.log(Level.WARNING, "sweep failed, the next one retries ({0})", e.getClass().getName());
      return 0;
    }
  }

  /** The counters so far, by name: the decoder's and the merge's. */
  public Map<String, Long> counters() {
    return counters.addTo(new TreeMap<>(decoder.counters()));
  }
}
