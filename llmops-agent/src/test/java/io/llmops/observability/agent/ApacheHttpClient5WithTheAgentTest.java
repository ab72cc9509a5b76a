package io.llmops.observability.agent;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.llmops.observability.agent.testing.OutboundHttpAgentTest;
import io.llmops.observability.apache.hc5.LlmopsHttpClient5;
import io.llmops.observability.testing.DecodedTraces;
import io.llmops.observability.testing.Exported;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.hc.client5.http.async.methods.SimpleHttpResponse;
import org.apache.hc.client5.http.async.methods.SimpleRequestBuilder;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.impl.async.CloseableHttpAsyncClient;
import org.apache.hc.client5.http.impl.async.HttpAsyncClients;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * With the agent and {@code llmops-apache-httpclient5} on the class path, the clients the
 * application builds record their calls with no code change, classic and async, and once only
 * when the application instruments the builder itself too.
 */
@Timeout(60)
class ApacheHttpClient5WithTheAgentTest extends OutboundHttpAgentTest {

  @Test
  void aClassicClientFromHttpClientsRecordsItsCallsUnderTheCurrentSpan() throws Exception {
    try (CloseableHttpClient client = HttpClients.createDefault()) {
      int status = inTrace(() -> client.execute(new HttpGet(server.url("/ok?token=query-secret-value")),
          response -> response.getCode()));

      assertThat(status).isEqualTo(200);
    }
    JsonNode trace = Exported.onlyTrace(sink);
    List<JsonNode> spans = clientSpans(trace);
    assertThat(spans).hasSize(1);
    JsonNode metadata = spans.get(0).get("metadata");
    assertThat(metadata.get("http.client.library").asText()).isEqualTo("apache-httpclient5");
    assertThat(metadata.get("http.call_mode").asText()).isEqualTo("sync");
    assertThat(metadata.get("url").asText()).endsWith("/ok?token=[REDACTED]");
    assertThat(DecodedTraces.parentOf(spans.get(0))).isEqualTo(fetchSpanId(trace));
  }

  @Test
  void anAsyncClientRecordsAnAsyncSpan() throws Exception {
    try (CloseableHttpAsyncClient client = HttpAsyncClients.createDefault()) {
      client.start();
      SimpleHttpResponse response = inTrace(() -> client.execute(
          SimpleRequestBuilder.get(server.url("/ok")).build(), null).get(10, TimeUnit.SECONDS));

      assertThat(response.getCode()).isEqualTo(200);
    }
    List<JsonNode> spans = clientSpans(Exported.onlyTrace(sink));
    assertThat(spans).hasSize(1);
    assertThat(spans.get(0).at("/metadata/http.call_mode").asText()).isEqualTo("async");
  }

  @Test
  void aBuilderTheApplicationInstrumentedItselfStillRecordsOneSpanPerCall() throws Exception {
    try (CloseableHttpClient client = LlmopsHttpClient5.instrument(HttpClients.custom()).build()) {
      inTrace(() -> client.execute(new HttpGet(server.url("/ok")), response -> response.getCode()));
    }
    assertThat(clientSpans(Exported.onlyTrace(sink))).hasSize(1);
  }
}
