package io.llmops.observability.bedrock.internal;

import io.llmops.observability.spi.SdkLog;
import java.nio.ByteBuffer;
import org.reactivestreams.Publisher;
import org.reactivestreams.Subscriber;
import org.reactivestreams.Subscription;

/**
 * Passes a response body through unchanged while decoding a copy of its bytes as an event
 * stream for the call's span. It tells the call how the stream ended (completed, failed, or
 * cancelled) before passing the end on; the call decides when its span ends. Nothing it does can
 * fail the caller's stream. Internal.
 */
public final class TappedPublisher implements Publisher<ByteBuffer> {

  private final Publisher<ByteBuffer> upstream;
  private final BedrockCall call;

  public TappedPublisher(Publisher<ByteBuffer> upstream, BedrockCall call) {
    this.upstream = upstream;
    this.call = call;
  }

  @Override
  public void subscribe(Subscriber<? super ByteBuffer> downstream) {
    upstream.subscribe(new Tap(downstream, call));
  }

  private static final class Tap implements Subscriber<ByteBuffer> {
    private final Subscriber<? super ByteBuffer> downstream;
    private final BedrockCall call;
    private final EventStreamDecoder decoder;

    Tap(Subscriber<? super ByteBuffer> downstream, BedrockCall call) {
      this.downstream = downstream;
      this.call = call;
      this.decoder = new EventStreamDecoder(message -> call.onStreamMessage(message, System.nanoTime()));
    }

    @Override
    public void onSubscribe(Subscription subscription) {
      downstream.onSubscribe(new Subscription() {
        @Override
        public void request(long n) {
          subscription.request(n);
        }

        @Override
        public void cancel() {
          safely(call::streamCancelled);
          subscription.cancel();
        }
      });
    }

    @Override
    public void onNext(ByteBuffer bytes) {
      safely(() -> decoder.feed(bytes));
      downstream.onNext(bytes);
    }

    @Override
    public void onError(Throwable error) {
      safely(() -> call.streamFailed(error));
      downstream.onError(error);
    }

    @Override
    public void onComplete() {
      safely(call::streamCompleted);
      downstream.onComplete();
    }
  }

  private static void safely(Runnable action) {
    try {
      action.run();
    } catch (RuntimeException | LinkageError e) {
      SdkLog.errorOnce("bedrock.tap", "llmops: could not observe a Bedrock response stream", e);
    }
  }
}
