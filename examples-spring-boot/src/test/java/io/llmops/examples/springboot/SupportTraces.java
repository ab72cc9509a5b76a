package io.llmops.examples.springboot;

import static io.llmops.examples.springboot.TraceShapes.shapeOf;
import static io.llmops.examples.springboot.TraceShapes.spanNamed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import io.llmops.observability.LlmopsConfig;
import io.llmops.observability.ModelPrice;
import io.llmops.observability.Pricing;
import io.llmops.observability.testing.CollectingSink;
import io.llmops.observability.testing.Exported;
import io.llmops.observability.testing.TestConfigs;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import org.springframework.boot.Banner;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Runs the application on a free port against {@link LocalServices}, calls it over HTTP and
 * checks the trace as it reaches the sink (decoded from the wire format, schema-checked): the
 * same for the AOP path and the agent path.
 */
final class SupportTraces {

  private SupportTraces() {}

  static void oneRequestRecordsEachSpanOnceNestedAsTheCallsWere() throws Exception {
    CollectingSink sink = new CollectingSink();
    LlmopsConfig config = TestConfigs.isolated().addSink(sink).build();
    try (LocalServices services = new LocalServices();
        ConfigurableApplicationContext app = new SpringApplicationBuilder(SupportApplication.class)
            .bannerMode(Banner.Mode.OFF)
            .initializers(context -> context.getBeanFactory().registerSingleton("llmopsConfig", config))
            .run("--server.port=0", "--server.address=127.0.0.1",
                "--support.weather-url=" + services.url() + "/weather",
                "--support.model-base-url=" + services.url())) {
      Pricing.setPrice("gpt-4o-mini", ModelPrice.perMillion(0.15, 0.60));
      String port = app.getEnvironment().getProperty("local.server.port");

      String body = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
          "http://127.0.0.1:" + port + "/support?city=Paris&question=umbrella%3F")).build(),
          BodyHandlers.ofString()).body();

      assertThat(body).contains("Take an umbrella.");
      await().atMost(Duration.ofSeconds(10)).until(() -> !Exported.flushed(sink).isEmpty());
      check(Exported.onlyTrace(sink), services.hostAndPort());
      assertThat(sink.violations()).isEmpty();
    }
  }

  private static void check(JsonNode trace, String services) {
    assertThat(shapeOf(trace)).containsExactlyInAnyOrder(
        "span GET /support <- none",
        "agent support_agent <- GET /support",
        "tool weather_forecast <- support_agent",
        "span GET " + services + " <- weather_forecast",
        "generation chat <- support_agent",
        "span POST " + services + " <- chat");

    JsonNode chat = spanNamed(trace, "chat");
    assertThat(chat.get("model_id").asText()).isEqualTo("gpt-4o-mini");
    assertThat(chat.get("prompt").asText()).startsWith("Weather in Paris: rain, 12 C.");
    assertThat(chat.get("response").asText()).isEqualTo("Take an umbrella.");
    assertThat(chat.at("/usage/input_tokens").asLong()).isEqualTo(20);
    assertThat(chat.at("/usage/output_tokens").asLong()).isEqualTo(5);
    assertThat(chat.at("/cost/total_cost").asDouble())
        .isCloseTo((20 * 0.15 + 5 * 0.60) / 1_000_000, within(1e-12));
  }
}
