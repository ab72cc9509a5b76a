package io.llmops.observability.sqs.internal;

import io.llmops.observability.spi.SdkLog;
import java.util.function.Supplier;
import software.amazon.awssdk.services.sqs.SqsAsyncClient;

/**
 * The SQS client, built by the first of the sink's own threads that sends (a worker, or the
 * replay), never when the sink is created: building it loads and initialises much of the AWS SDK
 * and Netty (most of a second on a cold JVM), and the sink is created on the application's thread
 * that configures the SDK or makes the first traced call. A client that cannot be built fails
 * every send as a connection never made (the messages are retried, then spilled), logged once.
 * Thread-safe. Internal.
 */
final class LazyClient {

  private final Supplier<SqsAsyncClient> factory;
  private SqsAsyncClient client;
  private RuntimeException failure;
  private boolean closed;

  LazyClient(Supplier<SqsAsyncClient> factory) {
    this.factory = factory;
  }

  /**
   * The client, built now if this is the first send.
   *
   * @throws IllegalStateException when it could not be built, or the sink shut down
   */
  synchronized SqsAsyncClient get() {
    if (closed) {
      throw new IllegalStateException("the SQS sink is shut down");
    }
    if (client == null && failure == null) {
      try {
        client = factory.get();
      } catch (RuntimeException | LinkageError e) {
        failure = new IllegalStateException("the SQS client could not be built: " + e, e);
        SdkLog.error("llmops: cannot build the SQS client; messages go to the spillover journal", e);
      }
    }
    if (failure != null) {
      throw failure;
    }
    return client;
  }

  /** Closes the client if it was built; never throws. */
  synchronized void close() {
    closed = true;
    if (client != null) {
      try {
        client.close();
      } catch (RuntimeException ignored) {
        // best effort at shutdown
      }
    }
  }
}
