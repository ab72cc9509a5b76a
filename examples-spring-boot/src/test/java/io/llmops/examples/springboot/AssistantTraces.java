package io.llmops.examples.springboot;

import static io.llmops.observability.testing.DecodedTraces.parentOf;
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
import java.util.Map;
import org.springframework.boot.Banner;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Runs the assistant's Spring AI ChatClient call against a local OpenAI-compatible server and
 * checks the decoded wire format: one generation under the request's server span, with usage and
 * cost, and the provider's HTTP call recorded onto it rather than beside it. The same for the AOP
 * path and the agent path, on Boot 3.5 with Spring AI 1.1 and on Boot 4 with Spring AI 2.
 */
final class AssistantTraces {

  private AssistantTraces() {}

  /**
   * @param providerClient the {@code http.client.library} expected to have seen the provider's
   *     call ({@link SpringAiDifferences}: it differs per Spring AI version and per path)
   */
  static void aChatClientCallIsOneGenerationWithUsageAndCostUnderTheRequest(String providerClient)
      throws Exception {
    CollectingSink sink = new CollectingSink();
    LlmopsConfig config = TestConfigs.isolated().addSink(sink).build();
    try (OpenAiCompatibleServer model = new OpenAiCompatibleServer();
        ConfigurableApplicationContext app = new SpringApplicationBuilder(SupportApplication.class)
            .bannerMode(Banner.Mode.OFF)
            .initializers(context -> context.getBeanFactory().registerSingleton("llmopsConfig", config))
            .run("--server.port=0", "--server.address=127.0.0.1",
                "--support.model-base-url=" + model.baseUrl())) {
      Pricing.setPrice("gpt-4o-mini", ModelPrice.perMillion(0.15, 0.60));
      String port = app.getEnvironment().getProperty("local.server.port");

      String answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
          "http://127.0.0.1:" + port + "/ask?question=capital%20of%20France%3F")).build(),
          BodyHandlers.ofString()).body();

      assertThat(answer).isEqualTo(OpenAiCompatibleServer.ANSWER);
      await().atMost(Duration.ofSeconds(10)).until(() -> !Exported.flushed(sink).isEmpty());
      JsonNode trace = Exported.onlyTrace(sink);
      assertThat(sink.violations()).isEmpty();
      Map<String, JsonNode> spans = DecodedTraces.spansByName(trace);
      List<JsonNode> generations = DecodedTraces.spansOfType(trace, "generation");
      assertThat(generations).hasSize(1);
      JsonNode chat = generations.get(0);
      List<String> steps = new ArrayList<>(SpringAiDifferences.ADVISORS);
      steps.addAll(List.of("chat_client", "GET /ask"));
      assertThat(ancestorsOf(chat, trace)).containsExactlyElementsOf(steps);
      assertThat(trace.get("spans")).hasSize(steps.size() + 1);
      assertThat(chat.get("model_id").asText()).isEqualTo("gpt-4o-mini");
      assertThat(chat.get("response").asText()).isEqualTo(OpenAiCompatibleServer.ANSWER);
      assertThat(chat.at("/usage/input_tokens").asLong())
          .isEqualTo(OpenAiCompatibleServer.PROMPT_TOKENS);
      assertThat(chat.at("/usage/output_tokens").asLong())
          .isEqualTo(OpenAiCompatibleServer.COMPLETION_TOKENS);
      assertThat(chat.at("/cost/total_cost").asDouble()).isPositive();
      assertThat(chat.at("/metadata/llm.framework").asText()).isEqualTo("spring-ai");
      assertThat(chat.at("/metadata/http.url").asText())
          .isEqualTo(model.baseUrl() + "/v1/chat/completions");
      assertThat(chat.at("/metadata/http.client.library").asText())
          .isEqualTo(providerClient);
      assertThat(spans.keySet()).noneMatch(name -> name.startsWith("POST "));
    }
  }

  /** The names of the span's parent, its parent's parent, ..., up to the root. */
  private static List<String> ancestorsOf(JsonNode span, JsonNode trace) {
    List<String> names = new ArrayList<>();
    String parent = parentOf(span);
    while (parent != null) {
      JsonNode found = null;
      for (JsonNode candidate : trace.get("spans")) {
        if (candidate.get("span_id").asText().equals(parent)) {
          found = candidate;
        }
      }
      if (found == null) {
        break;
      }
      names.add(found.get("span_name").asText());
      parent = parentOf(found);
    }
    return names;
  }
}
