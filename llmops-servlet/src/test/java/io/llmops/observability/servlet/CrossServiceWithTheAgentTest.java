package io.llmops.observability.servlet;

import static io.llmops.observability.servlet.testing.Handler.respond;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.llmops.observability.agent.LlmopsAgent;
import io.llmops.observability.httpserver.LlmopsHttpFilter;
import io.llmops.observability.httpserver.testing.JdkServer;
import io.llmops.observability.httpserver.testing.ServerTraces;
import io.llmops.observability.servlet.fixtures.ProfileClient;
import io.llmops.observability.servlet.fixtures.ProfileService;
import io.llmops.observability.servlet.testing.ClosedPort;
import io.llmops.observability.servlet.testing.Segments;
import io.llmops.observability.servlet.testing.ServletService;
import io.llmops.observability.servlet.testing.ServletService.Container;
import io.llmops.observability.testing.CollectingSink;
import io.llmops.observability.testing.DecodedTraces;
import io.llmops.observability.testing.SchemaValidator;
import io.llmops.observability.testing.TracingHarness;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link CrossServiceTest} with the agent instead of the programmatic API: the servlet service's
 * handler calls a {@code @TrackExternalService} method, the JDK HttpServer service records its
 * work in a {@code @TrackFunction} method and is resumed either by its filter or by a
 * {@code @ResumeExternalService} handler. One process, one sink, as two processes would send
 * their segments to one queue.
 */
@Timeout(60)
class CrossServiceWithTheAgentTest {

  static {
    if (!LlmopsAgent.install()) {
      throw new IllegalStateException("the agent could not attach to the test JVM");
    }
  }

  /** How the called service resumes the caller's trace, and the root span of its segment. */
  enum CalledService {
    FILTER("GET /profile"), RESUME_ANNOTATION("get_profile");

    final String rootSpan;

    CalledService(String rootSpan) {
      this.rootSpan = rootSpan;
    }

    JdkServer start(ProfileService profiles) throws IOException {
      return this == FILTER
          ? new JdkServer().route("/profile",
              exchange -> JdkServer.respond(exchange, 200, profiles.serve(exchange)),
              new LlmopsHttpFilter())
          : new JdkServer().route("/profile",
              exchange -> JdkServer.respond(exchange, 200, profiles.resume(exchange)));
    }
  }

  @RegisterExtension final TracingHarness tracing = new TracingHarness();
  private final CollectingSink sink = tracing.sink();
  private final HttpClient browser = HttpClient.newHttpClient();
  private JdkServer profileService;
  private ServletService chatService;

  @AfterEach
  void stop() throws Exception {
    if (profileService != null) {
      profileService.close();
    }
    if (chatService != null) {
      chatService.close();
    }
  }

  static Stream<Arguments> containersAndCalledServices() {
    return Stream.of(Container.values()).flatMap(container -> Stream.of(CalledService.values())
        .map(called -> Arguments.of(container, called)));
  }

  /** The chat service: its handler asks {@code client} for Ada's profile. */
  private void startChatService(Container container, ProfileClient client,
      AtomicReference<Throwable> seenByHandler) throws Exception {
    chatService = container.create().serve("/chat", (request, response) -> {
      try {
        respond(response, 200, client.profile("ada"));
      } catch (IOException e) {
        seenByHandler.set(e);
        respond(response, 502, "profile service down");
      }
    }).start();
  }

  private HttpResponse<String> askTheChatService() throws Exception {
    return browser.send(HttpRequest.newBuilder(chatService.uri("/chat")).build(),
        BodyHandlers.ofString());
  }

  @ParameterizedTest(name = "{0} calling a JDK server resumed by its {1}")
  @MethodSource("containersAndCalledServices")
  void theCalledServiceSendsAChildSegmentUnderTheAnnotatedCallingSpan(Container container,
      CalledService called) throws Exception {
    profileService = called.start(new ProfileService());
    startChatService(container, new ProfileClient(profileService.uri("/profile")),
        new AtomicReference<>());

    HttpResponse<String> response = askTheChatService();

    assertThat(response.body()).isEqualTo("ada, premium");
    Segments segments = Segments.ofOneTrace(ServerTraces.await(sink, 2));
    JsonNode parent = segments.caller();
    JsonNode child = segments.called();
    assertThat(parent.get("has_external_segments").asBoolean()).isTrue();

    Map<String, JsonNode> callerSpans = DecodedTraces.spansByName(parent);
    JsonNode calling = callerSpans.get("profile");
    assertThat(calling.at("/metadata/external.service").asText()).isEqualTo("profile_service");
    assertThat(DecodedTraces.parentOf(calling))
        .isEqualTo(callerSpans.get("GET /chat").get("span_id").asText());

    Map<String, JsonNode> calledSpans = DecodedTraces.spansByName(child);
    JsonNode root = calledSpans.get(called.rootSpan);
    assertThat(DecodedTraces.parentOf(root)).isEqualTo(Segments.w3cParentId(calling));
    JsonNode work = calledSpans.get("load_profile");
    assertThat(DecodedTraces.parentOf(work)).isEqualTo(root.get("span_id").asText());
    assertThat(work.at("/output_data/output").asText()).isEqualTo("ada, premium");
    assertThat(SchemaValidator.validateTrace(parent)).isEmpty();
    assertThat(SchemaValidator.validateTrace(child)).isEmpty();
  }

  @ParameterizedTest
  @EnumSource(Container.class)
  void withTheCalledServiceDownTheAnnotatedMethodsExceptionReachesTheServletUnchanged(
      Container container) throws Exception {
    URI closedPort = ClosedPort.uri("/profile");
    ProfileClient client = new ProfileClient(closedPort);
    AtomicReference<Throwable> seenByHandler = new AtomicReference<>();
    startChatService(container, client, seenByHandler);

    HttpResponse<String> response = askTheChatService();

    assertThat(response.statusCode()).isEqualTo(502);
    assertThat(seenByHandler.get()).isInstanceOf(ConnectException.class)
        .isSameAs(client.sendFailure());
    JsonNode trace = ServerTraces.awaitOne(sink);
    assertThat(trace.path("has_external_segments").asBoolean()).isFalse();
    JsonNode calling = DecodedTraces.spansByName(trace).get("profile");
    assertThat(calling.get("status").asText()).isEqualTo("error");
    assertThat(calling.get("error").asText()).startsWith("java.net.ConnectException");
  }
}
