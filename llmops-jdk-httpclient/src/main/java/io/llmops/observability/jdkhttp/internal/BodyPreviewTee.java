package io.llmops.observability.jdkhttp.internal;

import java.io.InputStream;
import java.io.Reader;
import java.net.http.HttpResponse.BodySubscriber;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;
import java.util.stream.BaseStream;
import org.jspecify.annotations.Nullable;

/**
 * Passes a response body to the application's subscriber unchanged and copies its first bytes
 * (at most {@code limit}) on the way, for a preview. The copy is read from a duplicate of each
 * buffer before the subscriber sees it, so the subscriber's buffers, positions and demand are
 * untouched. It is handed over only when the whole body had arrived before the response was and
 * the body is not a stream the application reads ({@link #handOver}).
 */
final class BodyPreviewTee<T> implements BodySubscriber<T> {

  /** The bytes copied from a body that had wholly arrived, for a preview. */
  record Copied(String contentType, byte[] bytes, int length) {}

  private final BodySubscriber<T> application;
  private final String contentType;
  private final int limit;
  private byte[] copied = new byte[0];
  private int length;
  private boolean complete;
  private boolean stopped;

  BodyPreviewTee(BodySubscriber<T> application, String contentType, int limit) {
    this.application = application;
    this.contentType = contentType;
    this.limit = limit;
  }

  @Override
  public CompletionStage<T> getBody() {
    return application.getBody();
  }

  @Override
  public void onSubscribe(Flow.Subscription subscription) {
    application.onSubscribe(subscription);
  }

  @Override
  public void onNext(List<ByteBuffer> item) {
    copy(item);
    application.onNext(item);
  }

  @Override
  public void onError(Throwable throwable) {
    application.onError(throwable);
  }

  @Override
  public void onComplete() {
    synchronized (this) {
      complete = true;
    }
    application.onComplete();
  }

  /**
   * Stops copying and returns what was copied if the body had wholly arrived and {@code body} (the
   * response's) is not a stream the application reads on; null otherwise.
   */
  synchronized @Nullable Copied handOver(@Nullable Object body) {
    boolean usable = complete && !stopped && length > 0 && !streamed(body);
    stopped = true;
    Copied result = usable ? new Copied(contentType, copied, length) : null;
    copied = new byte[0];
    return result;
  }

  private static boolean streamed(@Nullable Object body) {
    return body instanceof InputStream || body instanceof Reader || body instanceof BaseStream
        || body instanceof Flow.Publisher;
  }

  private synchronized void copy(@Nullable List<ByteBuffer> item) {
    if (stopped || complete || length >= limit || item == null) {
      return;
    }
    try {
      for (ByteBuffer buffer : item) {
        int take = Math.min(buffer.remaining(), limit - length);
        if (take <= 0) {
          break;
        }
        if (copied.length < length + take) {
          copied = Arrays.copyOf(copied, Math.min(limit, Math.max(length + take, copied.length * 2)));
        }
        buffer.duplicate().get(copied, length, take);
        length += take;
      }
    } catch (RuntimeException e) {
      stopped = true;
      OwnFailures.record(e);
    }
  }
}
