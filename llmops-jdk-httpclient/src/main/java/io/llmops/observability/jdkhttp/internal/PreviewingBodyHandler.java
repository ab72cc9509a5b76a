package io.llmops.observability.jdkhttp.internal;

import java.net.http.HttpResponse.BodyHandler;
import java.net.http.HttpResponse.BodySubscriber;
import java.net.http.HttpResponse.ResponseInfo;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * The application's {@link BodyHandler}, whose subscriber is wrapped in a {@link BodyPreviewTee}
 * when the body has a content type that is not an event stream (the core decides what else is
 * text). What the application's handler throws or returns is passed on unchanged.
 */
final class PreviewingBodyHandler<T> implements BodyHandler<T> {

  private final BodyHandler<T> application;
  private final int limit;
  private volatile @Nullable BodyPreviewTee<T> tee;

  PreviewingBodyHandler(BodyHandler<T> application, int limit) {
    this.application = application;
    this.limit = limit;
  }

  @Override
  public BodySubscriber<T> apply(ResponseInfo responseInfo) {
    BodySubscriber<T> subscriber = application.apply(responseInfo);
    try {
      String contentType = responseInfo.headers().firstValue("content-type").orElse(null);
      if (subscriber == null || contentType == null
          || contentType.toLowerCase(Locale.ROOT).startsWith("text/event-stream")) {
        return subscriber;
      }
      BodyPreviewTee<T> wrapped = new BodyPreviewTee<>(subscriber, contentType, limit);
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
