package io.llmops.examples.springboot;

import static io.llmops.observability.testing.DecodedTraces.parentOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.boot.Banner;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The assistant's Spring AI ChatClient call against a local OpenAI-compatible server, checked on
 * the decoded wire format: one generation under the request's server span, with usage and cost,
 * and the provider's HTTP call recorded onto it rather than beside it.
 */
@Timeout(60)
class AssistantTest {

  @Test
  void aChatClientCallIsOneGenerationWithUsageAndCostUnderTheRequest() throws Exception {
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
      // Spring AI's ChatClient runs the model call in its last advisor, named "call".
      assertThat(ancestorsOf(chat, trace)).containsExactly("call", "chat_client", "GET /ask");
      assertThat(chat.get("model_id").asText()).isEqualTo("gpt-4o-mini");
      assertThat(chat.get("response").asText()).isEqualTo(OpenAiCompatibleServer.ANSWER);
      assertThat(chat.at("/usage/input_tokens").asLong())
          .isEqualTo(OpenAiCompatibleServer.PROMPT_TOKENS);
      assertThat(chat.at("/usage/output_tokens").asLong())
          .isEqualTo(OpenAiCompatibleServer.COMPLETION_TOKENS);
      assertThat(chat.at("/cost/total_cost").asDouble()).isPositive();
      assertThat(chat.at("/metadata/llm.framework").asText()).isEqualTo("spring-ai");
      assertThat(chat.at("/metadata/http.url").asText()).contains("/v1/chat/completions");
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
