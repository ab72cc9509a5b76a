package io.llmops.observability.apache.hc5.internal;

import io.llmops.observability.spi.OutboundCall;
import io.llmops.observability.spi.OutboundHttp;
import io.llmops.observability.spi.SdkCounters;
import io.llmops.observability.spi.SdkLog;
import java.util.Map;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.HttpRequest;
import org.apache.hc.core5.http.protocol.HttpContext;
import org.jspecify.annotations.Nullable;

/**
 * The trace headers of a call in progress, kept in the call's {@code HttpContext} so that every
 * hop of it gets them: a redirect builds its request afresh from the application's, without
 * them. They go only to the host the call started at, the one {@code OutboundHttp} chose to
 * send them to; a redirect elsewhere does not get them.
 */
record HopHeaders(String host, int port, Map<String, String> headers) {

  private static final String ATTRIBUTE = "io.llmops.observability.hop-headers";

  /** Keeps {@code call}'s trace headers in {@code context} for the hops to {@code target}. */
  static void keep(OutboundCall call, HttpContext context, HttpHost target) {
    Map<String, String> headers = call.propagationHeaders();
    if (!headers.isEmpty()) {
      context.setAttribute(ATTRIBUTE, new HopHeaders(target.getHostName(), target.getPort(),
          headers));
    }
  }

  /** Forgets them: the application may execute its next request with the same context. */
  static void forget(HttpContext context) {
    context.removeAttribute(ATTRIBUTE);
  }

  /** Sets the kept trace headers on a hop's {@code request} when it goes to the same host. */
  static void apply(HttpContext context, HttpRequest request, @Nullable HttpHost hopTarget) {
    try {
      if (context.getAttribute(ATTRIBUTE) instanceof HopHeaders kept && hopTarget != null
          && kept.port == hopTarget.getPort()
          && kept.host.equalsIgnoreCase(hopTarget.getHostName())) {
        kept.headers.forEach(request::setHeader);
      }
    } catch (RuntimeException e) {
      SdkCounters.increment(OutboundHttp.COUNTER_FAILED);
      SdkLog.errorOnce("hc5-hop-headers", "llmops: trace headers were not added to a redirected "
          + "Apache HttpClient 5 request", e);
    }
  }
}
