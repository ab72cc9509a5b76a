package io.llmops.observability.apache.hc5.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.List;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpException;
import org.apache.hc.core5.http.nio.AsyncDataConsumer;
import org.apache.hc.core5.http.nio.CapacityChannel;
import org.jspecify.annotations.Nullable;

/**
 * The application's response-body consumer, passed every byte unchanged; ends the call just
 * before the body's end reaches it, since that is what completes the application's future.
 */
final class EndingDataConsumer implements AsyncDataConsumer {

  private final AsyncDataConsumer delegate;
  private final Runnable end;

  EndingDataConsumer(AsyncDataConsumer delegate, Runnable end) {
    this.delegate = delegate;
    this.end = end;
  }

  @Override
  public void updateCapacity(CapacityChannel capacityChannel) throws IOException {
    delegate.updateCapacity(capacityChannel);
  }

  @Override
  public void consume(ByteBuffer src) throws IOException {
    delegate.consume(src);
  }

  @Override
  public void streamEnd(@Nullable List<? extends Header> trailers)
      throws HttpException, IOException {
    end.run();
    delegate.streamEnd(trailers);
  }

  @Override
  public void releaseResources() {
    delegate.releaseResources();
  }
}
