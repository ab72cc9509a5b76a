package io.llmops.observability.spring.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.llmops.observability.HttpClientLibrary;
import io.llmops.observability.Llmops;
import io.llmops.observability.OutboundHttpInstrumentation;
import io.llmops.observability.Scope;
import io.llmops.observability.Span;
import io.llmops.observability.TraceManager;
import io.llmops.observability.spi.OutboundCall;
import io.llmops.observability.testing.CollectingSink;
import io.llmops.observability.testing.DecodedTraces;
import io.llmops.observability.testing.Exported;
import io.llmops.observability.testing.TestConfigs;
import io.llmops.observability.testing.TracingHarness;
import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.http.MediaType;
import org.springframework.http.client.ClientHttpRequestFactory;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.HttpServerErrorException;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestTemplate;

/** RestClient and RestTemplate calls become client spans, against a real server. */
@Timeout(60)
class LlmopsClientHttpRequestInterceptorTest {

  @RegisterExtension final TracingHarness tracing = new TracingHarness();
  private final CollectingSink sink = tracing.sink();

  @AfterEach
  void resetSwitches() {
    OutboundHttpInstrumentation.useConfiguration();
  }

  private static RestClient restClient(ClientHttpRequestFactory factory) {
    return RestClient.builder().requestFactory(factory)
        .requestInterceptor(new LlmopsClientHttpRequestInterceptor()).build();
  }

  private static RestClient restClient() {
    return restClient(new JdkClientHttpRequestFactory());
  }

  @Test
  void aRestClientCallIsAClientSpanUnderTheCurrentSpanWithQueryAndHeadersRedacted()
      throws Exception {
    try (LocalServer server = new LocalServer()) {
      TraceManager.startTrace("profile");
      try (Span fetch = Llmops.span("fetch").start()) {
        String body = restClient().get().uri(server.url("/ok?q=cats&api_key=k3yv4lue"))
            .header("Authorization", "Bearer t0ps3cr3tt0ken").retrieve().body(String.class);
        assertThat(body).isEqualTo("{\"answer\":42}");
      }
      TraceManager.finalizeAndSend();

      JsonNode trace = Exported.onlyTrace(sink);
      Map<String, JsonNode> spans = DecodedTraces.spansByName(trace);
      JsonNode client = spans.get("GET 127.0.0.1:" + server.port());
      assertThat(DecodedTraces.parentOf(client))
          .isEqualTo(spans.get("fetch").get("span_id").asText());
      JsonNode metadata = client.get("metadata");
      assertThat(metadata.get("outbound_http").asBoolean()).isTrue();
      assertThat(metadata.get("span.kind").asText()).isEqualTo("client");
      assertThat(metadata.get("method").asText()).isEqualTo("GET");
      assertThat(metadata.get("url").asText())
          .isEqualTo(server.url("/ok?q=cats&api_key=[REDACTED]"));
      assertThat(metadata.get("server.address").asText()).isEqualTo("127.0.0.1");
      assertThat(metadata.get("status_code").asInt()).isEqualTo(200);
      assertThat(metadata.get("latency_ms").asDouble()).isPositive();
      assertThat(metadata.get("http.client.library").asText()).isEqualTo("spring-web");
      assertThat(metadata.get("http.call_mode").asText()).isEqualTo("sync");
      assertThat(metadata.at("/http.request.headers/authorization").asText())
          .isEqualTo("[REDACTED]");
      assertThat(metadata.at("/http.response.headers/set-cookie").asText())
          .isEqualTo("[REDACTED]");
      assertThat(metadata.at("/http.response.headers/content-type").asText())
          .isEqualTo("application/json");
      assertThat(client.get("status").asText()).isEqualTo("success");
      assertThat(Exported.everything(sink.messages().get(0)))
          .doesNotContain("k3yv4lue").doesNotContain("t0ps3cr3tt0ken")
          .doesNotContain("s3ss10nc00kie");
    }
  }

  @Test
  void aRestTemplateCallIsAClientSpanToo() throws Exception {
    try (LocalServer server = new LocalServer()) {
      RestTemplate template = new RestTemplate(new JdkClientHttpRequestFactory());
      template.getInterceptors().add(new LlmopsClientHttpRequestInterceptor());
      TraceManager.startTrace("template");
      assertThat(template.getForObject(server.url("/ok"), String.class))
          .isEqualTo("{\"answer\":42}");
      TraceManager.finalizeAndSend();

      JsonNode client = DecodedTraces.spansByName(Exported.onlyTrace(sink))
          .get("GET 127.0.0.1:" + server.port());
      assertThat(client.at("/metadata/http.client.library").asText()).isEqualTo("spring-web");
      assertThat(client.at("/metadata/status_code").asInt()).isEqualTo(200);
    }
  }

  @Test
  void aServerErrorFailsTheSpanAndTheApplicationGetsSpringsOwnException() throws Exception {
    try (LocalServer server = new LocalServer()) {
      TraceManager.startTrace("errors");
      assertThatThrownBy(() -> restClient().get().uri(server.url("/fail")).retrieve()
          .body(String.class)).isInstanceOf(HttpServerErrorException.InternalServerError.class);
      TraceManager.finalizeAndSend();

      JsonNode client = Exported.onlyTrace(sink).at("/spans/0");
      assertThat(client.at("/metadata/status_code").asInt()).isEqualTo(500);
      assertThat(client.at("/metadata/error").asText()).isEqualTo("HTTP 500");
      assertThat(client.get("status").asText()).isEqualTo("error");
    }
  }

  @Test
  void aRefusedConnectionIsRecordedAndReachesTheApplicationUnchanged() throws Exception {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    // What the client threw, as the layer below the interceptor saw it.
    List<Throwable> seenByInner = new ArrayList<>();
    RestClient client = RestClient.builder().requestFactory(new JdkClientHttpRequestFactory())
        .requestInterceptor(new LlmopsClientHttpRequestInterceptor())
        .requestInterceptor((request, body, execution) -> {
          try {
            return execution.execute(request, body);
          } catch (IOException e) {
            seenByInner.add(e);
            throw e;
          }
        }).build();
    TraceManager.startTrace("refused");
    assertThatThrownBy(() -> client.get().uri("http://127.0.0.1:" + closedPort + "/x").retrieve()
        .toBodilessEntity())
        .isInstanceOf(ResourceAccessException.class)
        .satisfies(e -> assertThat(e.getCause()).isSameAs(seenByInner.get(0)));
    TraceManager.finalizeAndSend();

    JsonNode span = Exported.onlyTrace(sink).at("/spans/0");
    assertThat(span.at("/metadata/error").asText())
        .startsWith(seenByInner.get(0).getClass().getName());
    assertThat(span.get("status").asText()).isEqualTo("error");
  }

  @Test
  void aTimedOutCallIsRecordedAsFailed() throws Exception {
    try (LocalServer server = new LocalServer()) {
      JdkClientHttpRequestFactory factory = new JdkClientHttpRequestFactory();
      factory.setReadTimeout(Duration.ofMillis(200));
      TraceManager.startTrace("slow");
      assertThatThrownBy(() -> restClient(factory).get().uri(server.url("/hang")).retrieve()
          .toBodilessEntity()).isInstanceOf(ResourceAccessException.class);
      TraceManager.finalizeAndSend();

      JsonNode span = Exported.onlyTrace(sink).at("/spans/0");
      assertThat(span.at("/metadata/error").asText())
          .startsWith("java.net.http.HttpTimeoutException");
      assertThat(span.get("status").asText()).isEqualTo("error");
    }
  }

  @Test
  void aStreamedResponseReachesTheApplicationWhole() throws Exception {
    try (LocalServer server = new LocalServer()) {
      TraceManager.startTrace("download");
      byte[] body = restClient().get().uri(server.url("/stream"))
          .exchange((request, response) -> {
            try (InputStream in = response.getBody()) {
              return in.readAllBytes();
            }
          });
      TraceManager.finalizeAndSend();

      assertThat(body).isEqualTo(LocalServer.expectedStream());
      assertThat(Exported.onlyTrace(sink).at("/spans/0/metadata/status_code").asInt())
          .isEqualTo(200);
    }
  }

  @Test
  void theRequestBodyIsPreviewedRedactedWhenAskedAndTheResponseBodyNever() throws Exception {
    Llmops.configure(TestConfigs.isolated().addSink(sink)
        .set("LLMOPS_HTTP_BODY_PREVIEW", "true").build());
    try (LocalServer server = new LocalServer()) {
      TraceManager.startTrace("login");
      restClient().post().uri(server.url("/ok")).contentType(MediaType.APPLICATION_JSON)
          .body("{\"user\":\"ann\",\"password\":\"p4ssw0rdv4lue\"}").retrieve().toBodilessEntity();
      TraceManager.finalizeAndSend();

      JsonNode metadata = Exported.onlyTrace(sink).at("/spans/0/metadata");
      assertThat(metadata.get("http.request.body_preview").asText())
          .isEqualTo("{\"user\":\"ann\",\"password\":\"[REDACTED]\"}");
      assertThat(metadata.has("http.response.body_preview")).isFalse();
      assertThat(Exported.everything(sink.messages().get(0))).doesNotContain("p4ssw0rdv4lue");
    }
  }

  @Test
  void traceHeadersGoOnlyToListedHosts() throws Exception {
    try (LocalServer server = new LocalServer()) {
      TraceManager.startTrace("unlisted");
      restClient().get().uri(server.url("/ok")).retrieve().toBodilessEntity();
      TraceManager.finalizeAndSend();
      assertThat(server.lastHeaders).doesNotContainKey("traceparent");

      Llmops.configure(TestConfigs.isolated().addSink(sink)
          .set("LLMOPS_PROPAGATE_HOSTS", "127.0.0.1:" + server.port()).build());
      TraceManager.startTrace("listed");
      restClient().get().uri(server.url("/ok")).retrieve().toBodilessEntity();
      TraceManager.finalizeAndSend();
      JsonNode listed = DecodedTraces.of(Exported.flushed(sink)).stream()
          .filter(t -> t.get("trace_name").asText().equals("listed")).findFirst().orElseThrow();
      assertThat(server.lastHeaders.get("traceparent"))
          .contains(listed.at("/spans/0/span_id").asText().replace("-", "").substring(0, 16));
    }
  }

  @Test
  void aCallOutsideATraceOrWithTheLibraryOffRecordsNothing() throws Exception {
    try (LocalServer server = new LocalServer()) {
      assertThat(restClient().get().uri(server.url("/ok")).retrieve().body(String.class))
          .isEqualTo("{\"answer\":42}");
      OutboundHttpInstrumentation.disable(HttpClientLibrary.SPRING_WEB);
      TraceManager.startTrace("off");
      try (Span work = Llmops.span("work").start()) {
        assertThat(restClient().get().uri(server.url("/ok")).retrieve().body(String.class))
            .isEqualTo("{\"answer\":42}");
      }
      TraceManager.finalizeAndSend();

      assertThat(DecodedTraces.spansByName(Exported.onlyTrace(sink))).containsOnlyKeys("work");
    }
  }

  @Test
  void theClientUnderneathSeesTheCallRecordedAlreadyAndRecordsNoSecondSpan() throws Exception {
    try (LocalServer server = new LocalServer()) {
      WovenJdkClient underneath = new WovenJdkClient();
      ClientHttpRequestFactory woven = (uri, method) -> {
        underneath.send(method, uri);
        return new JdkClientHttpRequestFactory(HttpClient.newHttpClient())
            .createRequest(uri, method);
      };
      TraceManager.startTrace("layers");
      restClient(woven).get().uri(server.url("/ok")).retrieve().toBodilessEntity();
      TraceManager.finalizeAndSend();

      assertThat(underneath.calls).containsExactly((OutboundCall) null);
      assertThat(Exported.onlyTrace(sink).get("spans")).hasSize(1);
    }
  }
}
