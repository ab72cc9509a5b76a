package io.llmops.observability.processor;

import java.io.IOException;

/** Where rejected messages are kept. Implementations must be safe for concurrent calls. */
public interface DeadLetterStore {

  /**
   * Keeps {@code letter} durably before returning.
   *
   * @throws IOException when it could not; the caller then leaves the message on its queue
   */
  void write(DeadLetter letter) throws IOException;
}
