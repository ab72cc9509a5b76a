package io.llmops.observability.agent.internal;

import io.llmops.observability.spi.OutboundHttp;
import io.llmops.observability.spi.SdkCounters;
import io.llmops.observability.spi.SdkLog;

/**
 * A part of a woven HTTP call the agent could not do (add the trace headers, end the span): the
 * call goes on unchanged; counted as {@value OutboundHttp#COUNTER_FAILED} and logged once per
 * kind. Internal.
 */
final class OutboundFailures {

  private OutboundFailures() {}

  static void record(String what, Throwable error) {
    SdkCounters.increment(OutboundHttp.COUNTER_FAILED);
    SdkLog.errorOnce("agent-http-" + what, "llmops-agent: could not " + what
        + " of an outbound HTTP call; the call is made as the application wrote it", error);
  }
}
