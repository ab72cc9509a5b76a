package io.llmops.observability.agent.testing;

import com.fasterxml.jackson.databind.JsonNode;
import io.llmops.observability.Llmops;
import io.llmops.observability.OutboundHttpInstrumentation;
import io.llmops.observability.Scope;
import io.llmops.observability.Span;
import io.llmops.observability.TraceManager;
import io.llmops.observability.agent.fixtures.LocalHttpServer;
import io.llmops.observability.testing.DecodedTraces;
import io.llmops.observability.testing.TestConfigs;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.AfterEach;

/**
 * Base of the tests of woven HTTP clients: a real server on 127.0.0.1 per test, calls made in a
 * trace under a span named {@code fetch}, the switches reset afterwards.
 */
public abstract class OutboundHttpAgentTest extends AgentTest {

  protected final LocalHttpServer server;

  protected OutboundHttpAgentTest() {
    try {
      server = new LocalHttpServer();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A call that may throw what the client throws. */
  protected interface Call<T> {
    T make() throws Exception;
  }

  @AfterEach
  void stopServerAndResetSwitches() {
    server.close();
    OutboundHttpInstrumentation.useConfiguration();
  }

  /** Configures again, as before each test plus {@code name=value}. */
  protected void configureWith(String name, String value) {
    Llmops.configure(TestConfigs.isolated().set(name, value).addSink(sink).build());
  }

  /** Makes {@code call} in a trace, under a span named {@code fetch}; returns what it returns. */
  protected static <T> T inTrace(Call<T> call) throws Exception {
    TraceManager.startTrace("outbound");
    Span fetch = Llmops.span("fetch").startDetached();
    try (Scope ignored = fetch.makeCurrent()) {
      return call.make();
    } finally {
      fetch.end();
      TraceManager.finalizeAndSend();
    }
  }

  /** The client spans of {@code trace}. */
  protected static List<JsonNode> clientSpans(JsonNode trace) {
    return DecodedTraces.spansByName(trace).values().stream()
        .filter(span -> span.at("/metadata/outbound_http").asBoolean()).toList();
  }

  /** The id of the span named {@code fetch} in {@code trace}. */
  protected static String fetchSpanId(JsonNode trace) {
    return DecodedTraces.spansByName(trace).get("fetch").get("span_id").asText();
  }
}
