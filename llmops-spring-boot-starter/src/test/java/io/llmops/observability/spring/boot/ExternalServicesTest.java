package io.llmops.observability.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.llmops.observability.ResumeExternalService;
import io.llmops.observability.TraceHeaders;
import io.llmops.observability.TraceManager;
import io.llmops.observability.TrackExternalService;
import io.llmops.observability.testing.CollectingSink;
import io.llmops.observability.testing.DecodedTraces;
import io.llmops.observability.testing.Exported;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code @TrackExternalService} and {@code @ResumeExternalService} on Spring beans, through
 * Spring AOP, over real HTTP: the caller's trace and the called handler's child segment. The
 * inbound filter is off, so that the handler resumes the caller's trace itself.
 */
@Timeout(60)
class ExternalServicesTest {

  static class ProfileClient {
    private final HttpClient http = HttpClient.newHttpClient();
    private volatile String baseUri;

    /** A method, not a field: the test holds the bean's proxy, which passes calls on. */
    public void sendTo(String uri) {
      baseUri = uri;
    }

    @TrackExternalService(serviceName = "profile_service")
    public String profile(String user) throws IOException, InterruptedException {
      HttpRequest.Builder request =
          HttpRequest.newBuilder(URI.create(baseUri + "/profile?user=" + user));
      TraceHeaders.inject(request::header);
      return http.send(request.build(), BodyHandlers.ofString()).body();
    }
  }

  static class ProfileHandler {
    @ResumeExternalService(name = "get_profile")
    public String handle(Map<String, String> headers, String user) {
      return "{\"name\":\"" + user + "\"}";
    }
  }

  @RestController
  static class ProfileController {
    private final ProfileHandler handler;

    ProfileController(ProfileHandler handler) {
      this.handler = handler;
    }

    @GetMapping("/profile")
    String profile(@RequestHeader Map<String, String> headers, @RequestParam String user) {
      return handler.handle(headers, user);
    }
  }

  @Configuration(proxyBeanMethods = false)
  @EnableAutoConfiguration
  @Import(ProfileController.class)
  static class App {
    @Bean
    ProfileClient profileClient() {
      return new ProfileClient();
    }

    @Bean
    ProfileHandler profileHandler() {
      return new ProfileHandler();
    }
  }

  private final CollectingSink sink = new CollectingSink();
  private ConfigurableApplicationContext context;
  private ProfileClient client;

  @BeforeEach
  void start() {
    context = StarterApps.start(sink, WebApplicationType.SERVLET, App.class,
        "--llmops.servlet.enabled=false");
    client = context.getBean(ProfileClient.class);
    client.sendTo("http://127.0.0.1:" + context.getEnvironment().getProperty("local.server.port"));
  }

  @AfterEach
  void stop() {
    context.close();
  }

  private List<JsonNode> traces(int count) {
    await().atMost(Duration.ofSeconds(10)).until(() -> Exported.flushed(sink).size() >= count);
    return DecodedTraces.of(sink.messages());
  }

  private static JsonNode segment(List<JsonNode> traces, boolean child) {
    return traces.stream().filter(t -> t.path("is_child_segment").asBoolean() == child)
        .findFirst().orElseThrow();
  }

  @Test
  void theCallAndItsHandlerRecordOneTraceInTwoSegments() throws Exception {
    TraceManager.startTrace("caller");
    String profile = client.profile("ada");
    TraceManager.finalizeAndSend();

    assertThat(profile).isEqualTo("{\"name\":\"ada\"}");
    List<JsonNode> traces = traces(2);
    JsonNode caller = segment(traces, false);
    JsonNode called = segment(traces, true);
    JsonNode call = DecodedTraces.spansByName(caller).get("profile");
    JsonNode handler = DecodedTraces.spansByName(called).get("get_profile");
    assertThat(caller.path("has_external_segments").asBoolean()).isTrue();
    assertThat(call.path("metadata").path("external.service").asText()).isEqualTo("profile_service");
    assertThat(call.path("metadata").path("external.transport").asText()).isEqualTo("http");
    assertThat(called.path("trace_id").asText()).isEqualTo(caller.path("trace_id").asText());
    assertThat(DecodedTraces.parentOf(handler))
        .isEqualTo(call.path("span_id").asText().replace("-", "").substring(0, 16));
    assertThat(called.path("trace_output").asText()).isEqualTo("{\"name\":\"ada\"}");
    assertThat(called.path("trace_input").path("user").asText()).isEqualTo("ada");
  }

  @Test
  void aCallThatNeverReachedTheServiceIsNotAnsweredAndItsExceptionReachesTheCaller() {
    client.sendTo("http://127.0.0.1:1");
    TraceManager.startTrace("caller");
    Throwable thrown = catchThrowable(() -> client.profile("ada"));
    TraceManager.finalizeAndSend();

    assertThat(thrown).isInstanceOf(ConnectException.class);
    JsonNode caller = traces(1).get(0);
    assertThat(caller.path("has_external_segments").asBoolean()).isFalse();
    assertThat(DecodedTraces.spansByName(caller).get("profile").path("status").asText())
        .isEqualTo("error");
  }

  @Test
  void aHandlerCalledWithoutTraceHeadersIsASpanOfATraceOfItsOwn() {
    String profile = context.getBean(ProfileHandler.class).handle(Map.of(), "bob");

    assertThat(profile).isEqualTo("{\"name\":\"bob\"}");
    JsonNode trace = traces(1).get(0);
    assertThat(trace.path("is_child_segment").asBoolean()).isFalse();
    assertThat(DecodedTraces.spansByName(trace)).containsOnlyKeys("get_profile");
  }
}
