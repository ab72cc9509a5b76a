package io.llmops.observability.llm;

import static org.assertj.core.api.Assertions.assertThat;

import io.llmops.observability.LlmResponse;
import io.llmops.observability.LlmResponse.ToolCall;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/** Every documented provider shape, read as JSON text, as a Jackson tree and as a Map. */
class ResponseFormatsTest {

  static Stream<Arguments> representations() {
    return Stream.of(
        Arguments.of("JSON text", (Function<String, Object>) Fixtures::text),
        Arguments.of("Jackson tree", (Function<String, Object>) Fixtures::tree),
        Arguments.of("java.util.Map", (Function<String, Object>) Fixtures::map));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("representations")
  void bedrockConverseCountsCacheTokensAsInputAndReportsThemApart(String kind, Function<String, Object> as) {
    LlmResponse r = LlmResponse.read(as.apply("bedrock-converse.json"));
    assertThat(r.format()).isEqualTo("bedrock.converse");
    assertThat(r.text()).startsWith("Java is a statically typed");
    assertThat(r.inputTokens()).isEqualTo(145 + 1000 + 200);
    assertThat(r.outputTokens()).isEqualTo(87);
    assertThat(r.totalTokens()).isEqualTo(1432);
    assertThat(r.cacheReadTokens()).isEqualTo(1000);
    assertThat(r.cacheWriteTokens()).isEqualTo(200);
    assertThat(r.stopReason()).isEqualTo("end_turn");
    assertThat(r.modelId()).isNull();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("representations")
  void bedrockConverseToolUseIsATextAndAToolCall(String kind, Function<String, Object> as) {
    LlmResponse r = LlmResponse.read(as.apply("bedrock-converse-tool-use.json"));
    assertThat(r.text()).isEqualTo("I'll look up the weather in Seattle.");
    assertThat(r.stopReason()).isEqualTo("tool_use");
    assertThat(r.toolCalls()).hasSize(1);
    ToolCall call = r.toolCalls().get(0);
    assertThat(call.id()).isEqualTo("tooluse_kZJMlvQmRJ6eAyJE5GIl7Q");
    assertThat(call.name()).isEqualTo("get_weather");
    assertThat(call.arguments()).contains("\"city\":\"Seattle\"");
    assertThat(r.inputTokens()).isEqualTo(412);
    assertThat(r.totalTokens()).isEqualTo(490);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("representations")
  void anthropicMessagesWithCacheCreation(String kind, Function<String, Object> as) {
    LlmResponse r = LlmResponse.read(as.apply("anthropic-messages.json"));
    assertThat(r.format()).isEqualTo("anthropic.messages");
    assertThat(r.modelId()).isEqualTo("claude-3-5-sonnet-20241022");
    assertThat(r.text()).isEqualTo("Let me check that for you.");
    assertThat(r.inputTokens()).isEqualTo(2095 + 2051);
    assertThat(r.cacheWriteTokens()).isEqualTo(2051);
    assertThat(r.cacheReadTokens()).isZero();
    assertThat(r.outputTokens()).isEqualTo(503);
    assertThat(r.totalTokens()).isEqualTo(2095 + 2051 + 503);
    assertThat(r.stopReason()).isEqualTo("tool_use");
    assertThat(r.toolCalls()).containsExactly(new ToolCall("toolu_01A09q90qw90lq917835lq9",
        "get_weather", "{\"location\":\"San Francisco, CA\"}"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("representations")
  void bedrockInvokeModelBodies(String kind, Function<String, Object> as) {
    LlmResponse claude = LlmResponse.read(as.apply("bedrock-invoke-anthropic.json"));
    assertThat(claude.text()).isEqualTo("Bonjour le monde");
    assertThat(claude.modelId()).isEqualTo("claude-3-haiku-20240307");
    assertThat(List.of(claude.inputTokens(), claude.outputTokens())).containsExactly(14L, 8L);

    LlmResponse titan = LlmResponse.read(as.apply("titan-text.json"));
    assertThat(titan.format()).isEqualTo("bedrock.titan");
    assertThat(titan.text()).contains("fully managed service");
    assertThat(List.of(titan.inputTokens(), titan.outputTokens(), titan.totalTokens()))
        .containsExactly(11L, 32L, 43L);
    assertThat(titan.stopReason()).isEqualTo("FINISH");

    LlmResponse nova = LlmResponse.read(as.apply("nova-invoke.json"));
    assertThat(nova.format()).isEqualTo("bedrock.nova");
    assertThat(nova.text()).isEqualTo("The capital of France is Paris.");
    assertThat(nova.cacheReadTokens()).isEqualTo(1000);
    assertThat(nova.inputTokens()).isEqualTo(1008);
    assertThat(nova.totalTokens()).isEqualTo(1017);

    LlmResponse llama = LlmResponse.read(as.apply("llama.json"));
    assertThat(llama.format()).isEqualTo("bedrock.llama");
    assertThat(llama.text()).contains("Rayleigh");
    assertThat(List.of(llama.inputTokens(), llama.outputTokens())).containsExactly(19L, 12L);
    assertThat(llama.stopReason()).isEqualTo("stop");

    LlmResponse command = LlmResponse.read(as.apply("cohere-command.json"));
    assertThat(command.format()).isEqualTo("cohere.command");
    assertThat(command.text()).contains("several providers");
    assertThat(command.prompt()).isEqualTo("What does Bedrock offer?");
    assertThat(command.stopReason()).isEqualTo("COMPLETE");
    assertThat(command.hasUsage()).isFalse();

    LlmResponse commandR = LlmResponse.read(as.apply("cohere-command-r.json"));
    assertThat(commandR.format()).isEqualTo("cohere.chat");
    assertThat(commandR.text()).isEqualTo("I will search for the opening hours.");
    assertThat(commandR.toolCalls()).extracting(ToolCall::name).containsExactly("store_hours");
    assertThat(List.of(commandR.inputTokens(), commandR.outputTokens())).containsExactly(52L, 17L);

    LlmResponse jurassic = LlmResponse.read(as.apply("ai21-jurassic.json"));
    assertThat(jurassic.format()).isEqualTo("ai21.jurassic");
    assertThat(jurassic.prompt()).isEqualTo("Write a tagline for a bakery");
    assertThat(jurassic.text()).isEqualTo("\nFresh every morning.");
    assertThat(List.of(jurassic.inputTokens(), jurassic.outputTokens())).containsExactly(5L, 4L);
    assertThat(jurassic.stopReason()).isEqualTo("endoftext");

    LlmResponse jamba = LlmResponse.read(as.apply("ai21-jamba.json"));
    assertThat(jamba.text()).startsWith("Jamba is a hybrid");
    assertThat(jamba.modelId()).isEqualTo("jamba-1.5-mini");
    assertThat(List.of(jamba.inputTokens(), jamba.outputTokens())).containsExactly(21L, 11L);

    LlmResponse mistral = LlmResponse.read(as.apply("mistral.json"));
    assertThat(mistral.format()).isEqualTo("bedrock.mistral");
    assertThat(mistral.text()).contains("7.3 billion");
    assertThat(mistral.stopReason()).isEqualTo("stop");

    LlmResponse mistralChat = LlmResponse.read(as.apply("mistral-large-chat.json"));
    assertThat(mistralChat.text()).isEqualTo("Bonjour !");
    assertThat(mistralChat.stopReason()).isEqualTo("stop");
    assertThat(mistralChat.totalTokens()).isEqualTo(13);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("representations")
  void openAiChatCompletionsWithToolCallsCachedAndReasoningTokens(String kind, Function<String, Object> as) {
    LlmResponse r = LlmResponse.read(as.apply("openai-chat.json"));
    assertThat(r.format()).isEqualTo("openai.chat");
    assertThat(r.modelId()).isEqualTo("gpt-4o-2024-08-06");
    assertThat(r.text()).isNull();
    assertThat(r.inputTokens()).isEqualTo(2006);
    assertThat(r.cacheReadTokens()).isEqualTo(1920);
    assertThat(r.outputTokens()).isEqualTo(300);
    assertThat(r.reasoningTokens()).isEqualTo(64);
    assertThat(r.totalTokens()).isEqualTo(2306);
    assertThat(r.stopReason()).isEqualTo("tool_calls");
    assertThat(r.toolCalls()).containsExactly(new ToolCall("call_DdmO9pD3xa9XTPNJ32zg2hcA",
        "get_weather", "{\"location\":\"Paris, France\"}"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("representations")
  void openAiResponsesApi(String kind, Function<String, Object> as) {
    LlmResponse r = LlmResponse.read(as.apply("openai-responses.json"));
    assertThat(r.format()).isEqualTo("openai.responses");
    assertThat(r.modelId()).isEqualTo("o4-mini-2025-04-16");
    assertThat(r.text()).startsWith("The image depicts");
    assertThat(List.of(r.inputTokens(), r.outputTokens(), r.totalTokens())).containsExactly(328L, 52L, 380L);
    assertThat(r.cacheReadTokens()).isEqualTo(128);
    assertThat(r.reasoningTokens()).isEqualTo(16);
    assertThat(r.stopReason()).isEqualTo("completed");
    assertThat(r.toolCalls()).containsExactly(
        new ToolCall("call_12345xyz", "get_weather", "{\"location\":\"Paris, France\"}"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("representations")
  void geminiCountsThoughtsAsOutputAndReasoning(String kind, Function<String, Object> as) {
    LlmResponse r = LlmResponse.read(as.apply("gemini.json"));
    assertThat(r.format()).isEqualTo("google.gemini");
    assertThat(r.modelId()).isEqualTo("gemini-2.5-flash");
    assertThat(r.text()).isEqualTo("AI learns patterns from data to make predictions.");
    assertThat(r.inputTokens()).isEqualTo(8);
    assertThat(r.outputTokens()).isEqualTo(10 + 1024);
    assertThat(r.reasoningTokens()).isEqualTo(1024);
    assertThat(r.cacheReadTokens()).isEqualTo(4);
    assertThat(r.totalTokens()).isEqualTo(1042);
    assertThat(r.stopReason()).isEqualTo("STOP");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("representations")
  void ollamaGenerateAndChatWithTools(String kind, Function<String, Object> as) {
    LlmResponse generate = LlmResponse.read(as.apply("ollama-generate.json"));
    assertThat(generate.format()).isEqualTo("ollama");
    assertThat(generate.modelId()).isEqualTo("llama3.2");
    assertThat(generate.text()).startsWith("The sky is blue");
    assertThat(List.of(generate.inputTokens(), generate.outputTokens())).containsExactly(26L, 290L);
    assertThat(generate.stopReason()).isEqualTo("stop");

    LlmResponse chat = LlmResponse.read(as.apply("ollama-chat-tools.json"));
    assertThat(chat.toolCalls()).hasSize(1);
    assertThat(chat.toolCalls().get(0).name()).isEqualTo("get_current_weather");
    assertThat(chat.toolCalls().get(0).arguments()).contains("\"location\":\"Paris, FR\"");
    assertThat(List.of(chat.inputTokens(), chat.outputTokens())).containsExactly(122L, 33L);
  }

  @Test
  void aMapShapedLikeTheSpecificationsExampleOutputIsStillRead() {
    LlmResponse r = LlmResponse.read(Map.of("message", Map.of("content", "Android is an OS"),
        "usage", Map.of("input_tokens", 145, "output_tokens", 87)));
    assertThat(r.format()).isEqualTo("generic");
    assertThat(r.text()).isEqualTo("Android is an OS");
    assertThat(r.totalTokens()).isEqualTo(232);
  }
}
