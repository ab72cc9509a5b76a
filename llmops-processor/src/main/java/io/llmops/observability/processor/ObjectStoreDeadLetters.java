package io.llmops.observability.processor;

import java.io.IOException;

/**
 * Dead letters in an {@link ObjectStore} (S3 for a processor on AWS, where a Lambda's local disk
 * does not last): one JSON record per message at {@code <prefix><epoch millis>-<message id>.json}.
 */
public final class ObjectStoreDeadLetters implements DeadLetterStore {

  private final ObjectStore store;
  private final String prefix;

  /**
   * @param prefix the keys' beginning, for example {@code dead_letters/}
   * @throws IllegalArgumentException naming the argument that is null
   */
  public ObjectStoreDeadLetters(ObjectStore store, String prefix) {
    if (store == null) {
      throw new IllegalArgumentException("store must not be null");
    }
    if (prefix == null) {
      throw new IllegalArgumentException("prefix must not be null");
    }
    this.store = store;
    this.prefix = prefix;
  }

  @Override
  public void write(DeadLetter letter) throws IOException {
    store.put(prefix + letter.fileName(), letter.toJson());
  }
}
