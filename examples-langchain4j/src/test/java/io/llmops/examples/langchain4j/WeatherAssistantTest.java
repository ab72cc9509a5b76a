package io.llmops.examples.langchain4j;

import static io.llmops.observability.testing.DecodedTraces.parentOf;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import io.llmops.observability.testing.DecodedTraces;
import io.llmops.observability.testing.Exported;
import io.llmops.observability.testing.OpenAiCompatibleServer;
import io.llmops.observability.testing.TracingHarness;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.ArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The example against a local OpenAI-compatible server and a local weather service, checked on
 * the decoded wire format: two generations (the tool call asked for, then the answer), the tool
 * span between them with its HTTP call under it, usage and cost.
 */
@Timeout(60)
class WeatherAssistantTest {

  /** A model the SDK has a price for, served by an OpenAI-compatible gateway. */
  private static final String MODEL = "claude-3-5-sonnet-20241022";

  @RegisterExtension final TracingHarness tracing = new TracingHarness();

  private OpenAiCompatibleServer model;
  private HttpServer weather;

  @BeforeEach
  void startServices() throws Exception {
    model = new OpenAiCompatibleServer();
    weather = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    weather.createContext("/weather", exchange -> {
      byte[] body = "sunny, 24 C".getBytes(StandardCharsets.UTF_8);
      exchange.sendResponseHeaders(200, body.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    });
    weather.start();
  }

  @AfterEach
  void stopServices() {
    model.close();
    weather.stop(0);
  }

  @Test
  void aQuestionIsOneTraceWithTheToolBetweenTheTwoGenerations() {
    String weatherUrl = "http://127.0.0.1:" + weather.getAddress().getPort() + "/weather";
    WeatherAssistant assistant =
        new WeatherAssistant(model.baseUrl() + "/v1", "test-key", MODEL, weatherUrl);

    assertThat(assistant.ask("Weather in Paris?")).isEqualTo(OpenAiCompatibleServer.AFTER_TOOL);

    JsonNode trace = Exported.onlyTrace(tracing.sink());
    assertThat(tracing.sink().violations()).isEmpty();
    assertThat(trace.get("trace_name").asText()).isEqualTo("weather_question");
    List<JsonNode> generations = DecodedTraces.spansOfType(trace, "generation");
    assertThat(generations).hasSize(2).allSatisfy(generation -> {
      assertThat(generation.get("model_id").asText()).isEqualTo(MODEL);
      assertThat(generation.at("/usage/input_tokens").asLong())
          .isEqualTo(OpenAiCompatibleServer.PROMPT_TOKENS);
      assertThat(generation.at("/cost/total_cost").asDouble()).isPositive();
    });
    assertThat(generations.get(1).get("response").asText())
        .isEqualTo(OpenAiCompatibleServer.AFTER_TOOL);

    List<JsonNode> tools = DecodedTraces.spansOfType(trace, "tool");
    assertThat(tools).hasSize(1);
    JsonNode tool = tools.get(0);
    assertThat(tool.get("span_name").asText()).isEqualTo("weather");
    assertThat(tool.at("/metadata/llm.requested_by_span_id").asText())
        .isEqualTo(generations.get(0).get("span_id").asText());
    assertThat(tool.toString()).contains("sunny, 24 C");
    String httpName = "GET 127.0.0.1:" + weather.getAddress().getPort();
    List<JsonNode> httpCalls = new ArrayList<>();
    trace.get("spans").forEach(span -> {
      if (span.get("span_name").asText().equals(httpName)) {
        httpCalls.add(span);
      }
    });
    assertThat(httpCalls).hasSize(1);
    JsonNode httpCall = httpCalls.get(0);
    assertThat(parentOf(httpCall)).isEqualTo(tool.get("span_id").asText());
    assertThat(httpCall.at("/metadata/status_code").asInt()).isEqualTo(200);
  }
}
