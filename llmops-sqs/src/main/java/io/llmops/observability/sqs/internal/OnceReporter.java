package io.llmops.observability.sqs.internal;

import io.llmops.observability.spi.SdkLog;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** Logs each kind of delivery problem once per sink, however often it recurs. Internal. */
final class OnceReporter {

  private final Set<String> reported = ConcurrentHashMap.newKeySet();

  void report(String key, String message) {
    if (reported.add(key)) {
      SdkLog.error("llmops: " + message, null);
    }
  }

  /** The first word of an SQS error ("AccessDenied: ..."), to report each code once. */
  static String errorCode(String error) {
    if (error == null) {
      return "unknown";
    }
    int end = error.indexOf(' ');
    return end < 0 ? error : error.substring(0, end);
  }
}
