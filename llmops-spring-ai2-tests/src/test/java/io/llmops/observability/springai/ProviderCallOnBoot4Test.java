package io.llmops.observability.springai;

import static io.llmops.observability.springai.OpenAi2Models.MODEL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.llmops.observability.Llmops;
import io.llmops.observability.Span;
import io.llmops.observability.testing.DecodedTraces;
import io.llmops.observability.testing.Exported;
import io.llmops.observability.testing.OpenAiCompatibleServer;
import io.llmops.observability.testing.TracingHarness;
import io.micrometer.observation.ObservationRegistry;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.ai.chat.prompt.Prompt;
import org.springframework.ai.model.openai.autoconfigure.OpenAiChatAutoConfiguration;
import org.springframework.ai.model.tool.ToolCallingManager;
import org.springframework.ai.openai.OpenAiChatModel;
import org.springframework.ai.openai.OpenAiChatOptions;
import org.springframework.ai.openai.http.okhttp.OpenAiHttpClientBuilderCustomizer;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * Spring AI 2's OpenAI model calls the provider with OkHttp; the auto-configuration's customizer
 * adds llmops-okhttp's interceptor to that client, so the call is recorded onto the generation.
 */
class ProviderCallOnBoot4Test {

  @RegisterExtension final TracingHarness tracing = new TracingHarness();

  private final ApplicationContextRunner runner = new ApplicationContextRunner()
      .withConfiguration(AutoConfigurations.of(LlmopsSpringAiAutoConfiguration.class));

  @Test
  void theProvidersCallIsRecordedOntoTheGenerationAndNowhereElse() throws Exception {
    try (OpenAiCompatibleServer server = new OpenAiCompatibleServer()) {
      runner.run(context -> {
        try (Span root = Llmops.span("request").start()) {
          chatModel(context, server).call("Capital of France?");
        }
      });

      JsonNode trace = Exported.onlyTrace(tracing.sink());
      assertThat(namesOf(trace)).containsExactlyInAnyOrder("request", "chat");
      JsonNode generation = DecodedTraces.spansByName(trace).get("chat");
      assertThat(generation.at("/metadata/http.url").asText())
          .isEqualTo(server.baseUrl() + "/v1/chat/completions");
      assertThat(generation.at("/metadata/http.status_code").asInt()).isEqualTo(200);
      assertThat(generation.at("/metadata/http.client.library").asText()).isEqualTo("okhttp");
    }
  }

  @Test
  void springAisOwnOpenAiAutoConfigurationHandsTheCustomizerToItsModel() throws Exception {
    try (OpenAiCompatibleServer server = new OpenAiCompatibleServer()) {
      runner.withConfiguration(AutoConfigurations.of(OpenAiChatAutoConfiguration.class))
          .withBean(ToolCallingManager.class, () -> ToolCallingManager.builder().build())
          .withPropertyValues("spring.ai.openai.base-url=" + server.baseUrl() + "/v1",
              "spring.ai.openai.api-key=test-key", "spring.ai.openai.chat.model=" + MODEL)
          .run(context -> {
            try (Span root = Llmops.span("request").start()) {
              context.getBean(OpenAiChatModel.class).call("Capital of France?");
            }
          });

      JsonNode trace = Exported.onlyTrace(tracing.sink());
      assertThat(namesOf(trace)).containsExactlyInAnyOrder("request", "chat");
      assertThat(DecodedTraces.spansByName(trace).get("chat")
          .at("/metadata/http.client.library").asText()).isEqualTo("okhttp");
    }
  }

  /**
   * A stream's request is enqueued on OkHttp's dispatcher, where the interceptor alone cannot tell
   * which trace it belongs to (the builder Spring AI hands out has no event listener to note it):
   * it is not recorded, and nothing is recorded twice. The agent, which reaches OkHttp's own
   * builder, records it as a client span (docs/FRAMEWORKS.md).
   */
  @Test
  void aStreamedCallIsOneGenerationWithUsageAndItsEnqueuedRequestNoSecondRecord()
      throws Exception {
    try (OpenAiCompatibleServer server = new OpenAiCompatibleServer()) {
      runner.run(context -> {
        try (Span root = Llmops.span("request").start()) {
          chatModel(context, server).stream(new Prompt("Capital of France?",
              OpenAiChatOptions.builder().model(MODEL).streamUsage(true).build()))
              .collectList().block();
        }
      });

      await().until(() -> !tracing.sink().messages().isEmpty());
      JsonNode trace = Exported.onlyTrace(tracing.sink());
      assertThat(namesOf(trace)).containsExactlyInAnyOrder("request", "chat");
      JsonNode generation = DecodedTraces.spansByName(trace).get("chat");
      assertThat(generation.at("/usage/output_tokens").asLong()).isEqualTo(7);
      assertThat(generation.at("/metadata/http.url").isMissingNode()).isTrue();
    }
  }

  @Test
  void noCustomizerWhenTheHttpClientsAreSwitchedOff() {
    runner.withPropertyValues("llmops.http.client.enabled=false").run(context -> {
      assertThat(context).hasSingleBean(LlmopsObservationHandler.class);
      assertThat(context).doesNotHaveBean(OpenAiHttpClientBuilderCustomizer.class);
    });
  }

  /** A chat model built as Spring AI's auto-configuration builds it, with the context's beans. */
  private static OpenAiChatModel chatModel(
      org.springframework.context.ApplicationContext context, OpenAiCompatibleServer server) {
    List<OpenAiHttpClientBuilderCustomizer> customizers = context
        .getBeanProvider(OpenAiHttpClientBuilderCustomizer.class).orderedStream().toList();
    assertThat(customizers).hasSize(1);
    return new OpenAi2Models(server, context.getBean(ObservationRegistry.class))
        .chat(MODEL, customizers);
  }

  private static List<String> namesOf(JsonNode trace) {
    List<String> names = new ArrayList<>();
    trace.get("spans").forEach(span -> names.add(span.get("span_name").asText()));
    return names;
  }
}
