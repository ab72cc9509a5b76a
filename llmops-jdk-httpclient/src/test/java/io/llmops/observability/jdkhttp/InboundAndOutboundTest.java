package io.llmops.observability.jdkhttp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import io.llmops.observability.Llmops;
import io.llmops.observability.httpserver.LlmopsHttpFilter;
import io.llmops.observability.testing.CollectingSink;
import io.llmops.observability.testing.DecodedTraces;
import io.llmops.observability.testing.Exported;
import io.llmops.observability.testing.TestConfigs;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The specification's last outbound check, for the JVM: with a server filter tracing inbound
 * requests, a handler's outbound call is a client span under the request's server span, and the
 * service it calls (traced by the same filter) records its part as a child segment under that
 * client span; inbound tracing is otherwise unchanged.
 */
@Timeout(60)
class InboundAndOutboundTest {

  private final CollectingSink sink = new CollectingSink();
  private final HttpClient client = LlmopsHttpClient.wrap(HttpClient.newHttpClient());
  private HttpServer gateway;
  private HttpServer profiles;

  @AfterEach
  void stop() {
    gateway.stop(0);
    profiles.stop(0);
    Llmops.shutdown(Duration.ofSeconds(5));
  }

  private static HttpServer start(String path, HttpHandler handler) throws IOException {
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(path, handler).getFilters().add(new LlmopsHttpFilter());
    server.start();
    return server;
  }

  private static void answer(HttpExchange exchange, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.sendResponseHeaders(200, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  @Test
  void aHandlersCallIsAClientSpanUnderItsServerSpanAndTheCalleeJoinsUnderIt() throws Exception {
    Llmops.configure(TestConfigs.isolated().addSink(sink)
        .set("LLMOPS_PROPAGATE_HOSTS", "127.0.0.1").build());
    profiles = start("/profile", exchange -> answer(exchange, "{\"tier\":\"gold\"}"));
    URI profile = URI.create("http://127.0.0.1:" + profiles.getAddress().getPort()
        + "/profile?api_key=k-123456");
    gateway = start("/chat", exchange -> {
      try {
        answer(exchange, client.send(HttpRequest.newBuilder(profile).build(),
            HttpResponse.BodyHandlers.ofString()).body());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    });

    HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
        URI.create("http://127.0.0.1:" + gateway.getAddress().getPort() + "/chat")).build(),
        HttpResponse.BodyHandlers.ofString());

    assertThat(response.body()).isEqualTo("{\"tier\":\"gold\"}");
    Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> sink.messages().size() >= 2);
    List<JsonNode> traces = DecodedTraces.of(Exported.flushed(sink));
    Map<Boolean, JsonNode> bySegment = traces.stream().collect(Collectors.toMap(
        t -> t.path("is_child_segment").asBoolean(), t -> t));
    JsonNode caller = bySegment.get(false);
    JsonNode callee = bySegment.get(true);
    Map<String, JsonNode> spans = DecodedTraces.spansByName(caller);
    JsonNode server = spans.get("GET /chat");
    JsonNode clientSpan = spans.values().stream()
        .filter(s -> s.at("/metadata/outbound_http").asBoolean()).findFirst().orElseThrow();
    assertThat(server.at("/metadata/span.kind").asText()).isEqualTo("server");
    assertThat(DecodedTraces.parentOf(clientSpan)).isEqualTo(server.get("span_id").asText());
    assertThat(clientSpan.at("/metadata/url").asText()).endsWith("/profile?api_key=[REDACTED]");
    assertThat(callee.get("trace_id").asText()).isEqualTo(caller.get("trace_id").asText());
    JsonNode calleeServer = DecodedTraces.spansByName(callee).get("GET /profile");
    assertThat(DecodedTraces.parentOf(calleeServer)) // the client span's W3C id (WIRE_FORMAT §2a)
        .isEqualTo(clientSpan.get("span_id").asText().replace("-", "").substring(0, 16));
  }
}
