package io.llmops.observability.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.llmops.observability.HttpClientLibrary;
import io.llmops.observability.Llmops;
import io.llmops.observability.OutboundHttpInstrumentation;
import io.llmops.observability.agent.fixtures.LocalHttpServer;
import io.llmops.observability.agent.testing.OutboundHttpAgentTest;
import io.llmops.observability.testing.DecodedTraces;
import io.llmops.observability.testing.Exported;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** With the agent, {@code HttpURLConnection} calls in a trace are client spans. */
@Timeout(60)
class UrlConnectionTracesTest extends OutboundHttpAgentTest {

  private static HttpURLConnection open(String url) throws Exception {
    HttpURLConnection connection = (HttpURLConnection) URI.create(url).toURL().openConnection();
    connection.setRequestProperty("Authorization", "Bearer header-secret-value");
    connection.setRequestProperty("X-Api-Key", "api-key-secret-value");
    connection.setConnectTimeout(5_000);
    connection.setReadTimeout(5_000);
    return connection;
  }

  private JsonNode onlyClientSpan() {
    List<JsonNode> spans = clientSpans(Exported.onlyTrace(sink));
    assertThat(spans).hasSize(1);
    return spans.get(0);
  }

  @Test
  void aGetIsOneClientSpanUnderTheCurrentSpanWithItsQueryRedacted() throws Exception {
    String body = inTrace(() -> {
      HttpURLConnection connection = open(server.url("/ok?q=cats&token=query-secret-value"));
      assertThat(connection.getResponseCode()).isEqualTo(200);
      try (InputStream in = connection.getInputStream()) {
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
      }
    });

    assertThat(body).contains("\"answer\":42");
    JsonNode trace = Exported.onlyTrace(sink);
    JsonNode span = onlyClientSpan();
    assertThat(span.get("span_name").asText()).isEqualTo(server.spanName("GET"));
    assertThat(DecodedTraces.parentOf(span))
        .isEqualTo(fetchSpanId(trace));
    JsonNode metadata = span.get("metadata");
    assertThat(metadata.get("span.kind").asText()).isEqualTo("client");
    assertThat(metadata.get("method").asText()).isEqualTo("GET");
    assertThat(metadata.get("url").asText()).isEqualTo(server.url("/ok?q=cats&token=[REDACTED]"));
    assertThat(metadata.get("status_code").asInt()).isEqualTo(200);
    assertThat(metadata.get("http.client.library").asText()).isEqualTo("urlconnection");
    assertThat(metadata.get("http.call_mode").asText()).isEqualTo("sync");
    // the JDK never shows Authorization to anyone reading the connection's request headers
    assertThat(metadata.at("/http.request.headers/authorization").isMissingNode()).isTrue();
    assertThat(metadata.at("/http.request.headers/x-api-key").asText()).isEqualTo("[REDACTED]");
    assertThat(metadata.at("/http.response.headers/set-cookie").asText()).isEqualTo("[REDACTED]");
    assertThat(Exported.everything(Exported.flushed(sink).get(0)))
        .doesNotContain("query-secret-value").doesNotContain("header-secret-value")
        .doesNotContain("api-key-secret-value")
        .doesNotContain("cookie-secret-value");
  }

  @Test
  void aPostWrittenThroughItsOutputStreamIsOneSpanEndingWithTheResponse() throws Exception {
    String echoed = inTrace(() -> {
      HttpURLConnection connection = open(server.url("/echo"));
      connection.setRequestMethod("POST");
      connection.setDoOutput(true);
      connection.connect();
      try (OutputStream out = connection.getOutputStream()) {
        out.write("{\"q\":\"cats\"}".getBytes(StandardCharsets.UTF_8));
      }
      try (InputStream in = connection.getInputStream()) {
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
      }
    });

    assertThat(echoed).isEqualTo("{\"q\":\"cats\"}");
    JsonNode span = onlyClientSpan();
    assertThat(span.at("/metadata/method").asText()).isEqualTo("POST");
    assertThat(span.at("/metadata/status_code").asInt()).isEqualTo(200);
  }

  @Test
  void aServerErrorMarksTheSpanAndTheApplicationSeesTheConnectionAsBefore() throws Exception {
    String error = inTrace(() -> {
      HttpURLConnection connection = open(server.url("/fail"));
      assertThat(connection.getResponseCode()).isEqualTo(500);
      assertThatThrownBy(connection::getInputStream).isInstanceOf(java.io.IOException.class)
          .hasMessageContaining("500");
      try (InputStream in = connection.getErrorStream()) {
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
      }
    });

    assertThat(error).isEqualTo("{\"error\":\"broken\"}");
    JsonNode span = onlyClientSpan();
    assertThat(span.at("/metadata/status_code").asInt()).isEqualTo(500);
    assertThat(span.at("/metadata/error").asText()).isEqualTo("HTTP 500");
    assertThat(span.get("status").asText()).isEqualTo("error");
  }

  @Test
  void aRefusedConnectionReachesTheApplicationUnchangedAndMarksTheSpan() throws Exception {
    String refused = LocalHttpServer.refusedUrl();

    assertThatThrownBy(() -> inTrace(() -> open(refused).getResponseCode()))
        .isInstanceOf(ConnectException.class);

    JsonNode span = onlyClientSpan();
    assertThat(span.at("/metadata/error").asText()).startsWith("java.net.ConnectException");
    assertThat(span.get("status").asText()).isEqualTo("error");
  }

  @Test
  void aHeadRequestReadAgainAfterItsResponseIsStillOneSpan() throws Exception {
    inTrace(() -> {
      HttpURLConnection connection = open(server.url("/ok"));
      connection.setRequestMethod("HEAD");
      assertThat(connection.getResponseCode()).isEqualTo(200);
      // the JDK marks a HEAD connection as no longer connected once its head is read
      return connection.getHeaderFields() + connection.getContentType();
    });

    assertThat(onlyClientSpan().at("/metadata/method").asText()).isEqualTo("HEAD");
  }

  @Test
  void theTraceHeadersGoOnlyToTheListedHosts() throws Exception {
    inTrace(() -> open(server.url("/ok")).getResponseCode());
    assertThat(server.traceparentReceived("/ok")).isEqualTo("none");

    configureWith("LLMOPS_PROPAGATE_HOSTS", "127.0.0.1");
    inTrace(() -> open(server.url("/echo")).getResponseCode());

    assertThat(server.traceparentReceived("/echo")).startsWith("00-");
  }

  @Test
  void aCallOutsideATraceRecordsNothing() throws Exception {
    assertThat(open(server.url("/ok")).getResponseCode()).isEqualTo(200);

    assertThat(Llmops.flush(Duration.ofSeconds(5))).isTrue();
    assertThat(sink.messages()).isEmpty();
  }

  @Test
  void switchedOffAtRunTimeItRecordsNothing() throws Exception {
    OutboundHttpInstrumentation.disable(HttpClientLibrary.URL_CONNECTION);
    inTrace(() -> open(server.url("/ok")).getResponseCode());

    assertThat(clientSpans(Exported.onlyTrace(sink))).isEmpty();
  }

  @Test
  void aConnectionDisconnectedBeforeItsResponseEndsItsSpan() throws Exception {
    inTrace(() -> {
      HttpURLConnection connection = open(server.url("/ok"));
      connection.connect();
      connection.disconnect();
      return null;
    });

    JsonNode span = onlyClientSpan();
    assertThat(span.at("/metadata/latency_ms").asDouble()).isGreaterThanOrEqualTo(0);
    assertThat(span.at("/metadata/status_code").isMissingNode()).isTrue();
  }
}
