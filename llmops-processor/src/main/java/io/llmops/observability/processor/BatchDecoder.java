package io.llmops.observability.processor;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Decodes a batch: one bad message never stops the others. Every rejection is written to the
 * dead-letter store, counted ({@code rejected.<reason>}) and logged with its reason and message
 * id, never its content. Thread-safe.
 */
public final class BatchDecoder {

  private static final System.Logger LOG = System.getLogger("io.llmops.observability.processor");

  private final MessageDecoder decoder;
  private final DeadLetterStore deadLetters;
  private final Clock clock;
  private final Map<String, LongAdder> counters = new ConcurrentHashMap<>();

  /** @throws IllegalArgumentException naming the argument that is null */
  public BatchDecoder(MessageDecoder decoder, DeadLetterStore deadLetters, Clock clock) {
    if (decoder == null) {
      throw new IllegalArgumentException("decoder must not be null");
    }
    if (deadLetters == null) {
      throw new IllegalArgumentException("deadLetters must not be null");
    }
    if (clock == null) {
      throw new IllegalArgumentException("clock must not be null");
    }
    this.decoder = decoder;
    this.deadLetters = deadLetters;
    this.clock = clock;
  }

  /** Decodes every message of {@code batch}. */
  public BatchResult decode(List<IncomingMessage> batch) {
    List<BatchResult.Decoded> decoded = new ArrayList<>();
    List<String> deadLettered = new ArrayList<>();
    List<String> failed = new ArrayList<>();
    for (IncomingMessage message : batch) {
      DecodeResult result = decoder.decode(message.body());
      if (result.decoded()) {
        count("decoded");
        decoded.add(new BatchResult.Decoded(message.id(), result.trace()));
      } else if (deadLetter(message, result.rejection())) {
        deadLettered.add(message.id());
      } else {
        failed.add(message.id());
      }
    }
    return new BatchResult(List.copyOf(decoded), List.copyOf(deadLettered), List.copyOf(failed));
  }

  /** The counters so far, by name. */
  public Map<String, Long> counters() {
    Map<String, Long> snapshot = new TreeMap<>();
    counters.forEach((name, adder) -> snapshot.put(name, adder.sum()));
    return snapshot;
  }

  private boolean deadLetter(IncomingMessage message, Rejection rejection) {
    count(rejection.reason().counterName());
    LOG.log(Level.WARNING, "message {0} rejected ({1}): {2}",
        message.id(), rejection.reason(), rejection.detail());
    try {
      deadLetters.write(DeadLetter.of(message.id(), message.body(), rejection, clock.instant()));
      count("dead_letters.written");
      return true;
    } catch (IOException | RuntimeException e) {
      count("dead_letters.write_failed");
      LOG.log(Level.ERROR, "message {0}: dead letter not written ({1}); left on the queue",
          message.id(), e.getClass().getName());
      return false;
    }
  }

  private void count(String name) {
    counters.computeIfAbsent(name, n -> new LongAdder()).increment();
  }
}
