package io.llmops.observability.sqs.internal;

import io.llmops.observability.spi.SdkLog;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import software.amazon.awssdk.services.sqs.SqsAsyncClient;

/**
 * The SQS client, built on a start-up thread of its own: building it loads and initialises much
 * of the AWS SDK and Netty (most of a second on a cold JVM), and the sink is created on the
 * application's thread that makes the first traced call. The first send waits for it. A client
 * that cannot be built fails every send as a connection never made (the messages are retried,
 * then spilled), logged once. Internal.
 */
final class StartingClient {

  private final CompletableFuture<SqsAsyncClient> client = new CompletableFuture<>();

  private StartingClient() {}

  /** Starts building the client with {@code factory} on a daemon thread and returns at once. */
  static StartingClient start(Supplier<SqsAsyncClient> factory) {
    StartingClient starting = new StartingClient();
    Thread builder = new Thread(() -> starting.build(factory), "llmops-sqs-start");
    builder.setDaemon(true);
    builder.start();
    return starting;
  }

  private void build(Supplier<SqsAsyncClient> factory) {
    try {
      client.complete(factory.get());
    } catch (Throwable t) {
      client.completeExceptionally(t);
      SdkLog.error("llmops: cannot build the SQS client; messages go to the spillover journal", t);
      if (t instanceof VirtualMachineError fatal) {
        throw fatal;
      }
    }
  }

  /**
   * The client, once built (waiting for it).
   *
   * @throws java.util.concurrent.CompletionException when it could not be built
   */
  SqsAsyncClient get() {
    return client.join();
  }

  /** Closes the client once it is built; never throws. */
  void close() {
    client.thenAccept(built -> {
      try {
        built.close();
      } catch (RuntimeException ignored) {
        // best effort at shutdown
      }
    });
  }
}
