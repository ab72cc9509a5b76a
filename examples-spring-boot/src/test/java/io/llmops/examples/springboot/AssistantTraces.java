package io.llmops.examples.springboot;

import static io.llmops.examples.springboot.TraceShapes.ancestorsOf;
import static io.llmops.examples.springboot.TraceShapes.shapeOf;
import static io.llmops.examples.springboot.TraceShapes.spanNamed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.llmops.observability.LlmopsConfig;
import io.llmops.observability.ModelPrice;
import io.llmops.observability.Pricing;
import io.llmops.observability.testing.CollectingSink;
import io.llmops.observability.testing.DecodedTraces;
import io.llmops.observability.testing.Exported;
import io.llmops.observability.testing.OpenAiCompatibleServer;
import io.llmops.observability.testing.TestConfigs;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.boot.Banner;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Runs the assistant's Spring AI ChatClient calls against a local OpenAI-compatible server (and
 * the weather service of {@link LocalServices}) and checks the decoded wire format: one trace
 * under the request's server span, a generation per model call with usage and cost, the
 * provider's HTTP call recorded onto it rather than beside it, each span once. The same for the
 * AOP path and the agent path, on Boot 3.5 with Spring AI 1.1 and on Boot 4 with Spring AI 2
 * ({@link SpringAiDifferences} holds what differs).
 */
final class AssistantTraces {

  private AssistantTraces() {}

  /** What the application answered, the trace it sent, and where its services were. */
  private record Answered(String body, JsonNode trace, String modelUrl, String services) {}

  /**
   * @param providerClient the {@code http.client.library} expected to have seen the provider's
   *     call ({@link SpringAiDifferences}: it differs per Spring AI version and per path)
   */
  static void aChatClientCallIsOneGenerationWithUsageAndCostUnderTheRequest(String providerClient)
      throws Exception {
    Answered answered = ask("/ask?question=capital%20of%20France%3F");

    assertThat(answered.body()).isEqualTo(OpenAiCompatibleServer.ANSWER);
    JsonNode trace = answered.trace();
    JsonNode chat = onlyGeneration(trace);
    List<String> steps = new ArrayList<>(SpringAiDifferences.ADVISORS);
    steps.addAll(List.of("chat_client", "GET /ask"));
    assertThat(ancestorsOf(chat, trace)).containsExactlyElementsOf(steps);
    assertThat(trace.get("spans")).hasSize(steps.size() + 1);
    assertThat(chat.get("response").asText()).isEqualTo(OpenAiCompatibleServer.ANSWER);
    assertUsageAndCost(chat);
    assertThat(chat.at("/metadata/llm.framework").asText()).isEqualTo("spring-ai");
    assertThat(chat.at("/metadata/http.url").asText())
        .isEqualTo(answered.modelUrl() + "/v1/chat/completions");
    assertThat(chat.at("/metadata/http.client.library").asText()).isEqualTo(providerClient);
  }

  /**
   * @param providerCall the span expected for the stream's HTTP request, as {@link TraceShapes}
   *     writes it with {@code MODEL} for the model server's address, or none when it is not
   *     recorded ({@link SpringAiDifferences})
   */
  static void aStreamedCallIsOneGenerationWithTheTextUsageAndCost(
      List<String> providerCall) throws Exception {
    Answered answered = ask("/ask/stream?question=capital%20of%20France%3F");

    assertThat(eventData(answered.body())).isEqualTo(OpenAiCompatibleServer.ANSWER);
    JsonNode trace = answered.trace();
    List<String> expected = new ArrayList<>(List.of("span GET /ask/stream <- none",
        "span chat_client <- GET /ask/stream"));
    expected.addAll(SpringAiDifferences.STREAM_SPANS);
    providerCall.forEach(line -> expected.add(
        line.replace("MODEL", answered.modelUrl().substring("http://".length()))));
    assertThat(shapeOf(trace)).containsExactlyInAnyOrderElementsOf(expected);
    JsonNode chat = onlyGeneration(trace);
    assertThat(chat.get("response").asText()).isEqualTo(OpenAiCompatibleServer.ANSWER);
    assertUsageAndCost(chat);
    assertThat(chat.at("/metadata/llm.time_to_first_token_ms").isIntegralNumber()).isTrue();
  }

  static void aToolCallNestsTheToolAndItsHttpCallBetweenTwoGenerations() throws Exception {
    Answered answered = ask("/ask/weather?question=weather%20in%20Paris%3F");

    assertThat(answered.body()).isEqualTo(OpenAiCompatibleServer.AFTER_TOOL);
    JsonNode trace = answered.trace();
    List<String> expected = new ArrayList<>(List.of("span GET /ask/weather <- none",
        "span chat_client <- GET /ask/weather",
        "tool weather_forecast <- weather",
        "span GET " + answered.services() + " <- weather_forecast"));
    expected.addAll(SpringAiDifferences.TOOL_LOOP_SPANS);
    assertThat(shapeOf(trace)).containsExactlyInAnyOrderElementsOf(expected);
    JsonNode tool = spanNamed(trace, "weather");
    assertThat(tool.toString()).contains("Paris", "rain, 12 C");
    List<JsonNode> generations = DecodedTraces.spansOfType(trace, "generation");
    assertThat(tool.at("/metadata/llm.requested_by_span_id").asText())
        .isEqualTo(generations.get(0).get("span_id").asText());
    assertThat(generations.get(1).get("response").asText())
        .isEqualTo(OpenAiCompatibleServer.AFTER_TOOL);
    generations.forEach(AssistantTraces::assertUsageAndCost);
  }

  private static Answered ask(String pathAndQuery) throws Exception {
    CollectingSink sink = new CollectingSink();
    LlmopsConfig config = TestConfigs.isolated().addSink(sink).build();
    try (OpenAiCompatibleServer model = new OpenAiCompatibleServer();
        LocalServices services = new LocalServices();
        ConfigurableApplicationContext app = new SpringApplicationBuilder(SupportApplication.class)
            .bannerMode(Banner.Mode.OFF)
            .initializers(context -> context.getBeanFactory().registerSingleton("llmopsConfig", config))
            .run("--server.port=0", "--server.address=127.0.0.1",
                "--support.weather-url=" + services.url() + "/weather",
                "--support.model-base-url=" + model.baseUrl())) {
      Pricing.setPrice("gpt-4o-mini", ModelPrice.perMillion(0.15, 0.60));
      String port = app.getEnvironment().getProperty("local.server.port");

      String body = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
          URI.create("http://127.0.0.1:" + port + pathAndQuery)).build(),
          BodyHandlers.ofString()).body();

      await().atMost(Duration.ofSeconds(10)).until(() -> !Exported.flushed(sink).isEmpty());
      JsonNode trace = Exported.onlyTrace(sink);
      assertThat(sink.violations()).isEmpty();
      return new Answered(body, trace, model.baseUrl(), services.hostAndPort());
    }
  }

  private static JsonNode onlyGeneration(JsonNode trace) {
    List<JsonNode> generations = DecodedTraces.spansOfType(trace, "generation");
    assertThat(generations).hasSize(1);
    return generations.get(0);
  }

  /** The model server's usage, and a cost from the price the test set. */
  private static void assertUsageAndCost(JsonNode generation) {
    assertThat(generation.get("model_id").asText()).isEqualTo("gpt-4o-mini");
    assertThat(generation.at("/usage/input_tokens").asLong())
        .isEqualTo(OpenAiCompatibleServer.PROMPT_TOKENS);
    assertThat(generation.at("/usage/output_tokens").asLong())
        .isEqualTo(OpenAiCompatibleServer.COMPLETION_TOKENS);
    assertThat(generation.at("/cost/total_cost").asDouble()).isPositive();
  }

  /** The text of a server-sent events body: its {@code data:} lines' values, joined. */
  private static String eventData(String body) {
    return body.lines().filter(line -> line.startsWith("data:"))
        .map(line -> line.substring("data:".length())).collect(Collectors.joining());
  }
}
