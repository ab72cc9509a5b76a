package io.llmops.observability.jdkhttp.internal;

import io.llmops.observability.spi.OutboundCall;
import java.net.http.HttpResponse.BodyHandler;
import java.net.http.HttpResponse.BodySubscriber;
import java.net.http.HttpResponse.ResponseInfo;
import org.jspecify.annotations.Nullable;

/**
 * The application's {@link BodyHandler}, whose subscriber is wrapped in a {@link BodyPreviewTee}
 * when the call previews a body of its content type ({@link OutboundCall#previewsBody}). What the application's handler throws or returns is passed on unchanged.
 */
final class PreviewingBodyHandler<T> implements BodyHandler<T> {

  private final BodyHandler<T> application;
  private final OutboundCall call;
  private volatile @Nullable BodyPreviewTee<T> tee;

  PreviewingBodyHandler(BodyHandler<T> application, OutboundCall call) {
    this.application = application;
    this.call = call;
  }

  @Override
  public BodySubscriber<T> apply(ResponseInfo responseInfo) {
    BodySubscriber<T> subscriber = application.apply(responseInfo);
    try {
      String contentType = responseInfo.headers().firstValue("content-type").orElse(null);
      if (subscriber == null || !call.previewsBody(contentType)) {
        return subscriber;
      }
      BodyPreviewTee<T> wrapped = new BodyPreviewTee<>(subscriber, contentType, call.previewBytes());
      tee = wrapped;
      return wrapped;
    } catch (RuntimeException e) {
      OwnFailures.record(e);
      return subscriber;
    }
  }

  /** What the tee copied of the final response's body (see {@link BodyPreviewTee#handOver}). */
  BodyPreviewTee.@Nullable Copied handOver(@Nullable Object body) {
    BodyPreviewTee<T> last = tee;
    return last == null ? null : last.handOver(body);
  }
}
