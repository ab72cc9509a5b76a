package io.llmops.observability.okhttp.internal;

import io.llmops.observability.HttpClientLibrary;
import io.llmops.observability.OutboundHttpInstrumentation;
import io.llmops.observability.spi.ContextHandOff;
import io.llmops.observability.spi.OutboundHttp;
import io.llmops.observability.spi.SdkCounters;
import io.llmops.observability.spi.SdkLog;
import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;
import okhttp3.Call;
import org.jspecify.annotations.Nullable;

/**
 * Where each call inside a trace was made: the trace context and the thread of {@code newCall},
 * kept until the call's interceptor takes it. A call never run is forgotten with it (weak keys);
 * calls made outside a trace, or while OkHttp is switched off, are not kept at all.
 */
final class CallOrigins {

  /** The calling thread's context at {@code newCall} and that thread. */
  record Origin(Object context, Thread thread) {

    /** Whether the call runs on the thread that made it ({@code execute()}). */
    boolean isHere() {
      return thread == Thread.currentThread();
    }
  }

  private static final Map<Call, Origin> ORIGINS = Collections.synchronizedMap(new WeakHashMap<>());

  private CallOrigins() {}

  static void remember(Call call) {
    try {
      if (!OutboundHttpInstrumentation.isEnabled(HttpClientLibrary.OKHTTP)) {
        return;
      }
      Object context = ContextHandOff.capture();
      if (context != null) {
        ORIGINS.put(call, new Origin(context, Thread.currentThread()));
      }
    } catch (RuntimeException | LinkageError e) {
      SdkCounters.increment(OutboundHttp.COUNTER_FAILED);
      SdkLog.errorOnce("okhttp-origin", "llmops: where an OkHttp call was made could not be "
          + "noted; if enqueued it is not recorded", e);
    }
  }

  static @Nullable Origin take(Call call) {
    return ORIGINS.remove(call);
  }
}
