package io.llmops.observability.servlet;

import static io.llmops.observability.servlet.testing.Handler.respond;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.llmops.observability.ExternalCall;
import io.llmops.observability.Llmops;
import io.llmops.observability.httpserver.LlmopsHttpFilter;
import io.llmops.observability.httpserver.testing.JdkServer;
import io.llmops.observability.httpserver.testing.ServerTraces;
import io.llmops.observability.servlet.testing.ClosedPort;
import io.llmops.observability.servlet.testing.Segments;
import io.llmops.observability.servlet.testing.ServletService;
import io.llmops.observability.servlet.testing.ServletService.Container;
import io.llmops.observability.testing.CollectingSink;
import io.llmops.observability.testing.DecodedTraces;
import io.llmops.observability.testing.TracingHarness;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * One request across two services: a servlet service (Jetty or Tomcat) whose handler calls a
 * JDK HttpServer service through {@link ExternalCall}, each traced by its filter, in one process
 * with one sink, as two processes would send their segments to one queue.
 */
@Timeout(60)
class CrossServiceTest {

  @RegisterExtension final TracingHarness tracing = new TracingHarness();
  private final CollectingSink sink = tracing.sink();
  private final HttpClient client = HttpClient.newHttpClient();
  private final JdkServer userService;
  private ServletService chatService;
  private final AtomicReference<IOException> thrownBySend = new AtomicReference<>();

  CrossServiceTest() throws IOException {
    userService = new JdkServer().route("/profile", exchange -> {
      Llmops.span("lookup").run(() -> { });
      JdkServer.respond(exchange, 200, "{\"name\":\"Ada\"}");
    }, new LlmopsHttpFilter());
  }

  @AfterEach
  void stop() throws Exception {
    userService.close();
    if (chatService != null) {
      chatService.close();
    }
  }

  /** The chat service: its handler calls the user service at {@code target}. */
  private void startChatService(Container container, URI target,
      AtomicReference<Throwable> failure) throws Exception {
    chatService = container.create().serve("/chat", (request, response) -> {
      try {
        String profile = ExternalCall.to("user_service").call(call -> {
          HttpRequest.Builder outbound = HttpRequest.newBuilder(target);
          call.inject(outbound::header);
          try {
            return client.send(outbound.build(), BodyHandlers.ofString()).body();
          } catch (IOException e) {
            thrownBySend.set(e);
            throw e;
          }
        });
        respond(response, 200, profile);
      } catch (IOException e) {
        failure.set(e);
        respond(response, 502, "user service down");
      }
    }).start();
  }

  @ParameterizedTest
  @EnumSource(Container.class)
  void theCalledServiceSendsAChildSegmentOfTheCallersTrace(Container container) throws Exception {
    startChatService(container, userService.uri("/profile"), new AtomicReference<>());

    String body = client.send(HttpRequest.newBuilder(chatService.uri("/chat")).build(),
        BodyHandlers.ofString()).body();

    assertThat(body).isEqualTo("{\"name\":\"Ada\"}");
    Segments segments = Segments.ofOneTrace(ServerTraces.await(sink, 2));
    JsonNode parent = segments.caller();
    JsonNode child = segments.called();
    assertThat(parent.get("has_external_segments").asBoolean()).isTrue();
    Map<String, JsonNode> callerSpans = DecodedTraces.spansByName(parent);
    Map<String, JsonNode> calledSpans = DecodedTraces.spansByName(child);
    assertThat(DecodedTraces.parentOf(calledSpans.get("GET /profile")))
        .isEqualTo(Segments.w3cParentId(callerSpans.get("user_service")));
    assertThat(DecodedTraces.parentOf(calledSpans.get("lookup")))
        .isEqualTo(calledSpans.get("GET /profile").get("span_id").asText());
    assertThat(DecodedTraces.parentOf(callerSpans.get("user_service")))
        .isEqualTo(callerSpans.get("GET /chat").get("span_id").asText());
  }

  @ParameterizedTest
  @EnumSource(Container.class)
  void withTheCalledServiceDownTheFlagStaysFalseAndTheCallersExceptionIsUnchanged(
      Container container) throws Exception {
    URI closedPort = ClosedPort.uri("/profile");
    AtomicReference<Throwable> seenByHandler = new AtomicReference<>();
    startChatService(container, closedPort, seenByHandler);

    int status = client.send(HttpRequest.newBuilder(chatService.uri("/chat")).build(),
        BodyHandlers.ofString()).statusCode();

    assertThat(status).isEqualTo(502);
    assertThat(seenByHandler.get()).isInstanceOf(ConnectException.class)
        .isSameAs(thrownBySend.get());
    JsonNode trace = ServerTraces.awaitOne(sink);
    assertThat(trace.path("has_external_segments").asBoolean()).isFalse();
    JsonNode call = DecodedTraces.spansByName(trace).get("user_service");
    assertThat(call.get("status").asText()).isEqualTo("error");
    assertThat(call.get("error").asText()).startsWith("java.net.ConnectException");
  }
}
