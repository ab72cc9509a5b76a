package io.llmops.observability.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.llmops.observability.Llmops;
import io.llmops.observability.TraceManager;
import io.llmops.observability.export.TraceSink;
import io.llmops.observability.testing.CollectingSink;
import io.llmops.observability.testing.ScriptedSink;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;

/** Actuator's /actuator/health, over HTTP, has an llmops component read from Llmops.stats(). */
@Timeout(60)
class HealthEndpointTest {

  private static final String DETAILS = "--management.endpoint.health.show-details=always";

  private ConfigurableApplicationContext context;

  @AfterEach
  void stop() {
    if (context != null) {
      context.close();
    }
  }

  private HttpResponse<String> health() throws Exception {
    String port = context.getEnvironment().getProperty("local.server.port");
    return HttpClient.newHttpClient().send(HttpRequest.newBuilder(
        URI.create("http://127.0.0.1:" + port + "/actuator/health")).build(), BodyHandlers.ofString());
  }

  private JsonNode llmopsComponent() throws Exception {
    return new ObjectMapper().readTree(health().body()).path("components").path("llmops");
  }

  private void start(TraceSink sink, String... args) {
    context = StarterApps.start(sink, WebApplicationType.SERVLET, TrackedBeansTest.App.class, args);
  }

  private static void sendOneTrace() {
    TraceManager.startTrace("checked");
    Llmops.span("step").start().end();
    TraceManager.finalizeAndSend();
    assertThat(Llmops.flush(Duration.ofSeconds(10))).isTrue();
  }

  @Test
  void theComponentIsUpAndCountsWhatEachSinkDelivered() throws Exception {
    start(new CollectingSink(), DETAILS);
    sendOneTrace();

    JsonNode llmops = llmopsComponent();

    assertThat(llmops.path("status").asText()).isEqualTo("UP");
    JsonNode sink = llmops.path("details").path("sinks").path("collecting");
    assertThat(sink.path("status").asText()).isEqualTo("up");
    assertThat(sink.path("delivered").asLong()).isEqualTo(1);
    assertThat(sink.path("failed").asLong()).isZero();
    assertThat(llmops.path("details").path("spilloverBacklog").asLong()).isZero();
    assertThat(llmops.path("details").path("dropped").asLong()).isZero();
  }

  @Test
  void aFailingSinkIsNamedWhileTheComponentStaysUp() throws Exception {
    // The sink's failure is logged (to the build's log file); what is checked is the endpoint.
    start(ScriptedSink.failing("flaky"), DETAILS);
    sendOneTrace();

    JsonNode llmops = llmopsComponent();

    assertThat(llmops.path("status").asText()).isEqualTo("UP");
    JsonNode sink = llmops.path("details").path("sinks").path("flaky");
    assertThat(sink.path("status").asText()).isEqualTo("failing");
    assertThat(sink.path("failed").asLong()).isEqualTo(1);
  }

  @Test
  void aFailingSinkTakesTheComponentDownWhenThePropertySaysSo() throws Exception {
    start(ScriptedSink.failing("flaky"), DETAILS, "--llmops.health.down-when-failing=true");
    sendOneTrace();

    HttpResponse<String> health = health();

    assertThat(health.statusCode()).isEqualTo(503);
    assertThat(new ObjectMapper().readTree(health.body())
        .path("components").path("llmops").path("status").asText()).isEqualTo("DOWN");
  }

  @Test
  void thePropertyTurnsTheComponentOff() throws Exception {
    start(new CollectingSink(), DETAILS, "--llmops.health.enabled=false");

    JsonNode body = new ObjectMapper().readTree(health().body());

    assertThat(body.path("status").asText()).isEqualTo("UP");
    assertThat(body.path("components").has("llmops")).isFalse();
  }
}
