package io.llmops.observability.otlp.internal;

import io.llmops.observability.spi.SdkLog;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The error line for a request an endpoint refused (a 4xx other than 429, never retried): once
 * per status, per sink and kind of request, naming the cause and the variable to fix, never a key.
 */
final class Rejections {

  private final OtlpTarget target;
  private final String what;
  private final Set<Integer> logged = ConcurrentHashMap.newKeySet();

  /** @param what what the requests carry, plural ("spans", "scores") */
  Rejections(OtlpTarget target, String what) {
    this.target = target;
    this.what = what;
  }

  void log(int status) {
    if (!logged.add(status)) {
      return;
    }
    String cause = switch (status) {
      case 401 -> "the credentials were refused; check " + target.credentialVariables();
      case 403 -> "the credentials may not write " + what
          + " (or ingestion is suspended for the project); check " + target.credentialVariables();
      case 404 -> "the endpoint does not exist; check its URL variable";
      case 413 -> "a request was too large; lower LLMOPS_OTLP_MAX_BATCH_BYTES";
      default -> "the endpoint refused the request as invalid";
    };
    SdkLog.error(target.sinkName() + " sink: HTTP " + status + " for " + what + ", " + cause
        + "; refused " + what + " are not retried and count as dropped", null);
  }
}
