package io.llmops.observability.processor.service.internal;

import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * A received batch while its consumer processes it. It ends once: finished by its consumer, which
 * then deletes or retries its messages, or released by a shutdown whose deadline passed, whose
 * messages then go back to the queue and must not be deleted by the consumer any more.
 */
public final class InFlightBatch {

  private enum State { PROCESSING, FINISHED, RELEASED }

  private final List<Message> messages;
  private final AtomicReference<State> state = new AtomicReference<>(State.PROCESSING);

  public InFlightBatch(List<Message> messages) {
    this.messages = List.copyOf(messages);
  }

  public List<Message> messages() {
    return messages;
  }

  public boolean processing() {
    return state.get() == State.PROCESSING;
  }

  /** True when the consumer may settle the messages: no shutdown released them first. */
  public boolean finish() {
    return state.compareAndSet(State.PROCESSING, State.FINISHED);
  }

  /** True when the shutdown may release the messages: the consumer did not settle them first. */
  public boolean release() {
    return state.compareAndSet(State.PROCESSING, State.RELEASED);
  }
}
