package io.llmops.observability.springai;

import static io.llmops.observability.springai.OpenAi2Models.MODEL;
import static io.llmops.observability.testing.OpenAiCompatibleServer.AFTER_TOOL;
import static io.llmops.observability.testing.OpenAiCompatibleServer.ANSWER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.offset;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.llmops.observability.Llmops;
import io.llmops.observability.Pricing;
import io.llmops.observability.Span;
import io.llmops.observability.testing.DecodedTraces;
import io.llmops.observability.testing.Exported;
import io.llmops.observability.testing.OpenAiCompatibleServer;
import io.llmops.observability.testing.TracingHarness;
import io.micrometer.observation.ObservationRegistry;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.ai.chat.client.ChatClient;
import org.springframework.ai.chat.client.ChatClientRequest;
import org.springframework.ai.chat.client.ChatClientResponse;
import org.springframework.ai.chat.client.advisor.api.StreamAdvisor;
import org.springframework.ai.chat.client.advisor.api.StreamAdvisorChain;
import org.springframework.ai.chat.client.advisor.SimpleLoggerAdvisor;
import org.springframework.ai.chat.messages.SystemMessage;
import org.springframework.ai.chat.messages.UserMessage;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.prompt.Prompt;
import org.springframework.ai.embedding.EmbeddingResponse;
import org.springframework.ai.openai.OpenAiChatOptions;
import org.springframework.ai.tool.annotation.Tool;
import org.springframework.boot.SpringBootVersion;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Schedulers;

/** llmops-spring-ai's generations, recorded from Spring AI 2.0's OpenAI models on Boot 4. */
class SpringAi2Test {

  @RegisterExtension final TracingHarness tracing = new TracingHarness();

  private OpenAiCompatibleServer server;
  private OpenAi2Models models;

  @BeforeEach
  void start() throws Exception {
    server = new OpenAiCompatibleServer();
    ObservationRegistry registry = ObservationRegistry.create();
    registry.observationConfig().observationHandler(new LlmopsObservationHandler());
    models = new OpenAi2Models(server, registry);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void theTestsRunOnSpringAi2AndBoot4() {
    assertThat(ChatClient.class.getPackage().getImplementationVersion()).startsWith("2.0.");
    assertThat(SpringBootVersion.getVersion()).startsWith("4.0.");
  }

  @Test
  void aChatCallIsOneGenerationWithPromptParametersResponseUsageFinishReasonAndCost() {
    Prompt prompt = new Prompt(List.of(new SystemMessage("Answer briefly."),
        new UserMessage("Capital of France?")), OpenAiChatOptions.builder().model(MODEL)
        .temperature(0.2).topP(0.9).maxTokens(64).stop(List.of("END")).build());
    try (Span root = Llmops.span("request").start()) {
      models.chat(MODEL).call(prompt);
    }

    JsonNode trace = Exported.onlyTrace(tracing.sink());
    JsonNode generation = onlyGeneration(trace);
    assertThat(generation.get("model_id").asText()).isEqualTo(MODEL);
    assertThat(generation.get("prompt").asText())
        .isEqualTo("system: Answer briefly.\nuser: Capital of France?");
    assertThat(generation.get("response").asText()).isEqualTo(ANSWER);
    assertThat(generation.at("/metadata/llm.provider").asText()).isEqualTo("openai");
    assertThat(generation.at("/metadata/llm.temperature").asDouble()).isEqualTo(0.2);
    assertThat(generation.at("/metadata/llm.max_tokens").asInt()).isEqualTo(64);
    assertThat(generation.at("/metadata/llm.stop_sequences/0").asText()).isEqualTo("END");
    assertThat(generation.at("/metadata/llm.stop_reason").asText()).isEqualTo("STOP");
    assertThat(generation.at("/usage/input_tokens").asLong()).isEqualTo(12);
    assertThat(generation.at("/usage/output_tokens").asLong()).isEqualTo(7);
    assertThat(generation.at("/cost/total_cost").asDouble())
        .isCloseTo(Pricing.calculateCost(MODEL, 12, 7).doubleValue(), offset(1e-12));
    assertThat(DecodedTraces.parentOf(generation))
        .isEqualTo(spanNamed(trace, "request").get("span_id").asText());
  }

  @Test
  void aStreamedCallIsOneGenerationWithTheWholeTextUsageAndTimeToFirstToken() {
    List<ChatResponse> chunks;
    try (Span root = Llmops.span("request").start()) {
      chunks = LlmopsStreams.timeToFirstToken(models.chat(MODEL).stream(new Prompt(
          "Capital of France?", OpenAiChatOptions.builder().model(MODEL).streamUsage(true)
              .build()))).collectList().block();
    }

    assertThat(chunks).hasSizeGreaterThan(2);
    // the stream's observation stops just after the last chunk reached the subscriber
    await().until(() -> !tracing.sink().messages().isEmpty());
    JsonNode generation = onlyGeneration(Exported.onlyTrace(tracing.sink()));
    assertThat(generation.get("model_id").asText()).isEqualTo(MODEL);
    assertThat(generation.get("response").asText()).isEqualTo(ANSWER);
    assertThat(generation.at("/usage/input_tokens").asLong()).isEqualTo(12);
    assertThat(generation.at("/usage/output_tokens").asLong()).isEqualTo(7);
    assertThat(generation.at("/cost/total_cost").asDouble()).isPositive();
    assertThat(generation.at("/metadata/llm.stop_reason").asText()).isEqualTo("STOP");
    assertThat(generation.at("/metadata/llm.time_to_first_token_ms").isIntegralNumber()).isTrue();
    assertThat(server.requests().get(0).path("stream").asBoolean()).isTrue();
  }

  @Test
  void aChatClientStreamWhoseModelIsSubscribedOnAnotherThreadGetsItsTimeToFirstToken() {
    ChatClient client = ChatClient.builder(models.chat(MODEL), models.registry(), null, null)
        .defaultAdvisors(new ModelOnAnotherThread()).build();
    List<String> pieces;
    try (Span root = Llmops.span("request").start()) {
      pieces = LlmopsStreams.timeToFirstToken(client.prompt("Capital of France?").stream()
          .content()).collectList().block();
    }

    assertThat(String.join("", pieces)).isEqualTo(ANSWER);
    await().until(() -> !tracing.sink().messages().isEmpty());
    JsonNode generation = onlyGeneration(Exported.onlyTrace(tracing.sink()));
    assertThat(generation.at("/metadata/llm.time_to_first_token_ms").isIntegralNumber()).isTrue();
  }

  @Test
  void aStreamedToolLoopTimesItsFirstTextOnceOnTheGenerationThatStreamedIt() {
    ChatClient client = ChatClient.builder(models.chat(MODEL), models.registry(), null, null)
        .defaultAdvisors(new ModelOnAnotherThread()).build();
    List<String> pieces;
    try (Span root = Llmops.span("request").start()) {
      pieces = LlmopsStreams.timeToFirstToken(client.prompt("Weather in Paris?")
          .tools(new WeatherTools()).stream().content()).collectList().block();
    }

    assertThat(String.join("", pieces)).isEqualTo(AFTER_TOOL);
    // the stream's spans end after the root, so they may arrive in more than one message
    await().until(() -> exportedGenerations().stream()
        .anyMatch(generation -> generation.get("response").asText().equals(AFTER_TOOL)));
    List<JsonNode> timed = exportedGenerations().stream()
        .filter(generation -> generation.at("/metadata").has(LlmopsStreams.TIME_TO_FIRST_TOKEN_MS))
        .toList();
    assertThat(timed).singleElement()
        .satisfies(generation -> assertThat(generation.get("response").asText())
            .isEqualTo(AFTER_TOOL));
  }

  @Test
  void aStreamedToolLoopKeepsItsToolCallInTheTraceAndCountsEachCallsTokensOnce() {
    ChatClient client = ChatClient.builder(models.chat(MODEL), models.registry(), null, null)
        .build();
    List<String> pieces;
    try (Span root = Llmops.span("request").start()) {
      pieces = client.prompt("Weather in Paris?").options(OpenAiChatOptions.builder()
              .model(MODEL).streamUsage(true))
          .tools(new WeatherTools()).stream().content().collectList().block();
    }

    assertThat(String.join("", pieces)).isEqualTo(AFTER_TOOL);
    // the tools run on a thread of Reactor's; the stream's spans end after the root
    await().until(() -> DecodedTraces.of(Exported.flushed(tracing.sink())).stream()
        .anyMatch(trace -> !DecodedTraces.spansOfType(trace, "tool").isEmpty()));
    List<JsonNode> traces = DecodedTraces.of(Exported.flushed(tracing.sink()));
    assertThat(traces).extracting(trace -> trace.get("trace_id").asText()).containsOnly(
        traces.get(0).get("trace_id").asText());
    JsonNode tool = traces.stream().flatMap(trace -> DecodedTraces.spansOfType(trace, "tool")
        .stream()).findFirst().orElseThrow();
    assertThat(tool.get("span_name").asText()).isEqualTo("weather");
    assertThat(traces.stream().flatMap(trace -> trace.findValuesAsText("span_id").stream()))
        .as("the tool call's parent is a span of the trace")
        .contains(DecodedTraces.parentOf(tool));
    // Spring AI reports the loop's calls together on the stream: each call counts once
    assertThat(exportedGenerations().stream()
        .mapToLong(each -> each.at("/usage/input_tokens").asLong()).sum()).isEqualTo(24);
  }

  @Test
  void aCancelledStreamLeavesNoTimeToFirstTokenForTheNextStreamOnItsThread() {
    ChatClient client = ChatClient.builder(models.chat(MODEL), models.registry(), null, null)
        .defaultAdvisors(new ModelOnAnotherThread()).build();
    try (Span root = Llmops.span("cancelled").start()) {
      LlmopsStreams.timeToFirstToken(client.prompt("Capital of France?").stream().content())
          .take(0).blockLast();
    }
    try (Span root = Llmops.span("unwrapped").start()) {
      models.chat(MODEL).stream(new Prompt("Capital of France?")).blockLast();
    }

    await().until(() -> !exportedGenerations().isEmpty());
    assertThat(exportedGenerations()).allSatisfy(generation -> assertThat(
        generation.at("/metadata").has(LlmopsStreams.TIME_TO_FIRST_TOKEN_MS)).isFalse());
  }

  /** An advisor that subscribes the rest of the chain, the model included, on another thread. */
  static final class ModelOnAnotherThread implements StreamAdvisor {
    @Override
    public Flux<ChatClientResponse> adviseStream(ChatClientRequest request,
        StreamAdvisorChain chain) {
      return chain.nextStream(request).subscribeOn(Schedulers.parallel());
    }

    @Override
    public String getName() {
      return "model on another thread";
    }

    @Override
    public int getOrder() {
      return 0;
    }
  }

  @Test
  void aFailedCallRecordsTheProvidersMessageAndReachesTheCaller() {
    try (Span root = Llmops.span("request").start()) {
      assertThatThrownBy(() -> models.chat(OpenAiCompatibleServer.FAILING_MODEL).call("Hi"))
          .hasMessageContaining(OpenAiCompatibleServer.ERROR_MESSAGE);
    }

    JsonNode generation = onlyGeneration(Exported.onlyTrace(tracing.sink()));
    assertThat(generation.get("status").asText()).isEqualTo("error");
    assertThat(generation.toString()).contains(OpenAiCompatibleServer.ERROR_MESSAGE);
  }

  static final class WeatherTools {
    @Tool(description = "The weather in a city")
    String weather(String city) {
      return "sunny in " + city;
    }
  }

  @Test
  void aChatClientCallNestsItsAdvisorsGenerationsAndToolCalls() {
    ChatClient client = ChatClient.builder(models.chat(MODEL), models.registry(), null, null)
        .defaultAdvisors(new SimpleLoggerAdvisor()).build();
    String answer;
    try (Span root = Llmops.span("request").start()) {
      answer = client.prompt("Weather in Paris?").tools(new WeatherTools()).call().content();
    }

    assertThat(answer).isEqualTo(AFTER_TOOL);
    JsonNode trace = Exported.onlyTrace(tracing.sink());
    List<JsonNode> generations = DecodedTraces.spansOfType(trace, "generation");
    List<JsonNode> tools = DecodedTraces.spansOfType(trace, "tool");
    assertThat(generations).hasSize(2);
    assertThat(tools).hasSize(1);
    JsonNode chatClient = spanNamed(trace, "chat_client");
    assertThat(DecodedTraces.parentOf(chatClient))
        .isEqualTo(spanNamed(trace, "request").get("span_id").asText());
    // Spring AI 2 runs the tool loop in an advisor: the advisors after it run once per model call
    JsonNode toolLoop = spanNamed(trace, "Tool Calling Advisor");
    assertThat(DecodedTraces.parentOf(toolLoop)).isEqualTo(chatClient.get("span_id").asText());
    assertThat(trace.get("spans")).filteredOn(span -> span.get("span_name").asText()
            .equals("SimpleLoggerAdvisor"))
        .hasSize(2).allSatisfy(logger -> assertThat(DecodedTraces.parentOf(logger))
            .isEqualTo(toolLoop.get("span_id").asText()));
    assertThat(DecodedTraces.parentOf(tools.get(0))).isEqualTo(toolLoop.get("span_id").asText());
    assertThat(tools.get(0).get("span_name").asText()).isEqualTo("weather");
    assertThat(tools.get(0).toString()).contains("sunny in Paris");
    assertThat(tools.get(0).at("/metadata/llm.requested_by_span_id").asText())
        .isEqualTo(generations.get(0).get("span_id").asText());
    assertThat(generations.get(1).at("/usage/input_tokens").asLong()).isEqualTo(12);
    assertThat(trace.at("/token_usage/total_input_tokens").asLong()).isEqualTo(24);
  }

  @Test
  void anEmbeddingCallIsAGenerationWithItsInputTokens() {
    EmbeddingResponse response;
    try (Span root = Llmops.span("index").start()) {
      response = models.embedding().embedForResponse(List.of("Paris is in France."));
    }

    assertThat(response.getResults()).hasSize(1);
    JsonNode embedding = onlyGeneration(Exported.onlyTrace(tracing.sink()));
    assertThat(embedding.get("span_name").asText()).isEqualTo("embedding");
    assertThat(embedding.get("model_id").asText()).isEqualTo("text-embedding-3-small");
    assertThat(embedding.at("/metadata/embedding.dimensions").asInt()).isEqualTo(3);
    assertThat(embedding.at("/usage/input_tokens").asLong())
        .isEqualTo(OpenAiCompatibleServer.EMBEDDING_TOKENS);
    assertThat(embedding.toString()).contains("Paris is in France.");
  }

  private static JsonNode spanNamed(JsonNode trace, String name) {
    for (JsonNode span : trace.get("spans")) {
      if (span.get("span_name").asText().equals(name)) {
        return span;
      }
    }
    throw new AssertionError("no span " + name + " in " + trace);
  }

  private List<JsonNode> exportedGenerations() {
    return DecodedTraces.of(Exported.flushed(tracing.sink())).stream()
        .flatMap(trace -> DecodedTraces.spansOfType(trace, "generation").stream()).toList();
  }

  private static JsonNode onlyGeneration(JsonNode trace) {
    List<JsonNode> generations = DecodedTraces.spansOfType(trace, "generation");
    assertThat(generations).hasSize(1);
    return generations.get(0);
  }
}
