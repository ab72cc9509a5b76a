package io.llmops.observability.spring.web.internal;

import io.llmops.observability.spi.OutboundHttp;
import io.llmops.observability.spi.SdkCounters;
import io.llmops.observability.spi.SdkLog;

/** Counts and logs (once per kind) a failure of the SDK's own code around a call. Internal. */
public final class RecordingFailure {

  private RecordingFailure() {}

  /** The SDK failed at {@code what} ({@code "spring-web"}); the call goes on regardless. */
  public static void count(String what, Throwable error) {
    SdkCounters.increment(OutboundHttp.COUNTER_FAILED);
    SdkLog.errorOnce(what, "llmops: a Spring HTTP client call was not fully recorded; the call "
        + "goes on untouched", error);
  }
}
