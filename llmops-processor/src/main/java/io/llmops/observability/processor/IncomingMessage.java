package io.llmops.observability.processor;

/**
 * One message as a queue delivered it.
 *
 * @param id the queue's message id
 * @param body the message body
 */
public record IncomingMessage(String id, String body) {

  /** @throws IllegalArgumentException naming the field that is null */
  public IncomingMessage {
    if (id == null) {
      throw new IllegalArgumentException("id must not be null");
    }
    if (body == null) {
      throw new IllegalArgumentException("body must not be null");
    }
  }
}
