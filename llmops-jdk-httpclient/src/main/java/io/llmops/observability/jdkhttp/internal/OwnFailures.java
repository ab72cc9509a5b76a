package io.llmops.observability.jdkhttp.internal;

import io.llmops.observability.spi.OutboundHttp;
import io.llmops.observability.spi.SdkCounters;
import io.llmops.observability.spi.SdkLog;

/** Counts and logs (once) a failure of the wrapper's own code; the call goes on untouched. */
final class OwnFailures {

  private OwnFailures() {}

  static void record(Throwable e) {
    SdkCounters.increment(OutboundHttp.COUNTER_FAILED);
    SdkLog.errorOnce("jdk-httpclient", "llmops: a JDK HttpClient call could not be fully "
        + "recorded; the call itself is unchanged", e);
  }
}
