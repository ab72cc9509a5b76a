package io.llmops.observability.apache.hc5;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.llmops.observability.Llmops;
import io.llmops.observability.Span;
import io.llmops.observability.TraceManager;
import io.llmops.observability.testing.CollectingSink;
import io.llmops.observability.testing.DecodedTraces;
import io.llmops.observability.testing.Exported;
import io.llmops.observability.testing.TestConfigs;
import java.util.List;

/** Traces around client calls, for the tests of both clients. */
final class ClientTraces {

  /** A call that may throw anything. */
  interface Call {
    void run() throws Exception;
  }

  private ClientTraces() {}

  /** Configures the SDK with {@code settings} (name, value, ...), exporting to {@code sink}. */
  static void configure(CollectingSink sink, String... settings) {
    var config = TestConfigs.isolated().addSink(sink);
    for (int i = 0; i + 1 < settings.length; i += 2) {
      config.set(settings[i], settings[i + 1]);
    }
    Llmops.configure(config.build());
  }

  /** Runs {@code call} inside the span "fetch" of a trace, then sends the trace. */
  static void inFetchSpan(Call call) throws Exception {
    TraceManager.startTrace("flow");
    try (Span fetch = Llmops.span("fetch").start()) {
      call.run();
    }
    TraceManager.finalizeAndSend();
  }

  /** The one client span of the one trace that reached {@code sink}. */
  static JsonNode clientSpan(CollectingSink sink) {
    List<JsonNode> clients = DecodedTraces.spansByName(Exported.onlyTrace(sink)).values().stream()
        .filter(span -> span.at("/metadata/outbound_http").asBoolean()).toList();
    assertThat(clients).hasSize(1);
    return clients.get(0);
  }
}
