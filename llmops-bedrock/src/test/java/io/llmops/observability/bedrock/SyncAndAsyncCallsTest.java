package io.llmops.observability.bedrock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.llmops.observability.Llmops;
import io.llmops.observability.ModelPrice;
import io.llmops.observability.Pricing;
import io.llmops.observability.Span;
import io.llmops.observability.bedrock.FakeBedrockRuntime.Answer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.bedrockruntime.model.ContentBlock;
import software.amazon.awssdk.services.bedrockruntime.model.ConversationRole;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseRequest;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseResponse;
import software.amazon.awssdk.services.bedrockruntime.model.InvokeModelResponse;
import software.amazon.awssdk.services.bedrockruntime.model.Message;
import software.amazon.awssdk.services.bedrockruntime.model.SystemContentBlock;
import software.amazon.awssdk.services.bedrockruntime.model.ValidationException;

class SyncAndAsyncCallsTest extends BedrockTest {

  static final String CONVERSE_ANSWER = """
      {"output":{"message":{"role":"assistant","content":[{"text":"Java is a language."}]}},
       "stopReason":"end_turn",
       "usage":{"inputTokens":145,"outputTokens":87,"totalTokens":232},
       "metrics":{"latencyMs":420}}""";

  static final String ANTHROPIC_BODY = """
      {"id":"msg_1","type":"message","role":"assistant","model":"claude-3-haiku-20240307",
       "content":[{"type":"text","text":"Hello there."}],"stop_reason":"end_turn",
       "usage":{"input_tokens":12,"output_tokens":5}}""";

  static ConverseRequest converseRequest(String modelId) {
    return ConverseRequest.builder().modelId(modelId)
        .system(SystemContentBlock.builder().text("Be brief.").build())
        .messages(Message.builder().role(ConversationRole.USER)
            .content(ContentBlock.fromText("What is Java?")).build())
        .build();
  }

  @Test
  void aSyncConverseCallIsAGenerationSpanWithModelPromptResponseUsageStopReasonAndCost() {
    bedrock.answer("converse", Answer.json(CONVERSE_ANSWER));

    ConverseResponse response = client.converse(converseRequest(SONNET));

    assertThat(response.output().message().content().get(0).text()).isEqualTo("Java is a language.");
    assertThat(response.usage().inputTokens()).isEqualTo(145);
    JsonNode span = onlySpan();
    assertThat(span.get("span_name").asText()).isEqualTo("bedrock.converse");
    assertThat(span.get("span_type").asText()).isEqualTo("generation");
    assertThat(span.get("model_id").asText()).isEqualTo(SONNET);
    assertThat(span.toString()).contains("\"prompt\":\"system: Be brief.\\nuser: What is Java?\"");
    assertThat(span.toString()).contains("\"response\":\"Java is a language.\"");
    assertThat(span.at("/usage/input_tokens").asLong()).isEqualTo(145);
    assertThat(span.at("/usage/output_tokens").asLong()).isEqualTo(87);
    assertThat(span.at("/metadata/llm.stop_reason").asText()).isEqualTo("end_turn");
    assertThat(span.at("/cost/total_cost").asDouble()).isCloseTo(145 * 3e-6 + 87 * 15e-6, within());
    assertThat(span.get("status").asText()).isEqualTo("success");
  }

  @Test
  void aSyncInvokeModelCallReadsTheProviderBodyAndLeavesTheCallersBodyIntact() {
    bedrock.answer("invoke", Answer.json(ANTHROPIC_BODY));
    String body = """
        {"anthropic_version":"bedrock-2023-05-31","max_tokens":100,
         "messages":[{"role":"user","content":[{"type":"text","text":"Say hello."}]}]}""";

    InvokeModelResponse response = client.invokeModel(r -> r.modelId("anthropic.claude-3-haiku-20240307-v1:0")
        .contentType("application/json").body(SdkBytes.fromUtf8String(body)));

    assertThat(response.body().asUtf8String()).isEqualTo(ANTHROPIC_BODY);
    assertThat(bedrock.received.get(0).path()).isEqualTo("/model/anthropic.claude-3-haiku-20240307-v1%3A0/invoke");
    JsonNode span = onlySpan();
    assertThat(span.get("span_name").asText()).isEqualTo("bedrock.invoke_model");
    assertThat(span.get("span_type").asText()).isEqualTo("generation");
    assertThat(span.toString()).contains("\"prompt\":\"Say hello.\"");
    assertThat(span.toString()).contains("\"response\":\"Hello there.\"");
    assertThat(span.at("/usage/input_tokens").asLong()).isEqualTo(12);
    assertThat(span.at("/usage/output_tokens").asLong()).isEqualTo(5);
    assertThat(span.at("/cost/total_cost").asDouble()).isGreaterThan(0);
  }

  @Test
  void anAnthropicInvokeModelCallIsRecordedAndPricedAsTheRequestedModelNotAsTheModelItsBodyNames() {
    Pricing.setPrice(APPLICATION_PROFILE, ModelPrice.perMillion(2.0, 10.0));
    bedrock.answer("invoke", Answer.json(ANTHROPIC_BODY));

    client.invokeModel(r -> r.modelId(APPLICATION_PROFILE).contentType("application/json")
        .body(SdkBytes.fromUtf8String("{\"anthropic_version\":\"bedrock-2023-05-31\",\"max_tokens\":100,"
            + "\"messages\":[{\"role\":\"user\",\"content\":\"Say hello.\"}]}")));

    assertRecordedAsTheRequestedModel(onlySpan(), 12, 5);
  }

  @Test
  void anInvokeModelBodyWithoutTokenCountsGetsThemFromBedrocksHeaders() {
    bedrock.answer("invoke", new Answer(200, "application/json",
        Map.of("X-Amzn-Bedrock-Input-Token-Count", "21", "X-Amzn-Bedrock-Output-Token-Count", "7"),
        List.of("{\"text\":\"Hello there.\",\"finish_reason\":\"COMPLETE\"}".getBytes(StandardCharsets.UTF_8))));

    client.invokeModel(r -> r.modelId("cohere.command-r-v1:0").contentType("application/json")
        .body(SdkBytes.fromUtf8String("{\"message\":\"Say hello.\"}")));

    JsonNode span = onlySpan();
    assertThat(span.at("/usage/input_tokens").asLong()).isEqualTo(21);
    assertThat(span.at("/usage/output_tokens").asLong()).isEqualTo(7);
    assertThat(span.at("/cost/total_cost").asDouble()).isGreaterThan(0);
  }

  @Test
  void anAsyncConverseCallIsRecordedTheSameWayAsAChildOfTheCurrentSpan() {
    bedrock.answer("converse", Answer.json(CONVERSE_ANSWER));

    ConverseResponse response;
    try (Span parent = Llmops.span("handler").start()) {
      response = asyncClient.converse(converseRequest(SONNET)).join();
    }

    assertThat(response.stopReasonAsString()).isEqualTo("end_turn");
    JsonNode trace = traces().get(0);
    assertThat(trace.get("spans")).hasSize(2);
    JsonNode parent = null;
    JsonNode generation = null;
    for (JsonNode span : trace.get("spans")) {
      if (span.get("span_name").asText().equals("handler")) {
        parent = span;
      } else {
        generation = span;
      }
    }
    assertThat(generation.get("span_name").asText()).isEqualTo("bedrock.converse");
    assertThat(generation.get("parent_span_id").asText()).isEqualTo(parent.get("span_id").asText());
    assertThat(generation.at("/usage/input_tokens").asLong()).isEqualTo(145);
    assertThat(trace.get("total_generations").asInt()).isEqualTo(1);
  }

  @Test
  void aValidationErrorIsAnErrorSpanAndTheCallerStillGetsTheException() {
    bedrock.answer("converse", Answer.error(400, "ValidationException", "Malformed input request"));

    assertThatThrownBy(() -> client.converse(converseRequest(SONNET)))
        .isInstanceOf(ValidationException.class).hasMessageContaining("Malformed input request");

    JsonNode span = onlySpan();
    assertThat(span.get("span_name").asText()).isEqualTo("bedrock.converse");
    assertThat(span.get("status").asText()).isEqualTo("error");
    assertThat(span.get("level").asText()).isEqualTo("ERROR");
    assertThat(span.toString()).contains("Malformed input request");
    assertThat(span.get("usage") == null || span.get("usage").isNull()).isTrue();
  }

  @Test
  void aServerErrorOnTheAsyncClientIsAnErrorSpan() {
    bedrock.answer("invoke", Answer.error(500, "InternalServerException", "try later"));

    assertThatThrownBy(() -> asyncClient.invokeModel(r -> r.modelId(SONNET)
        .body(SdkBytes.fromUtf8String("{\"prompt\":\"hi\"}"))).join())
        .isInstanceOf(CompletionException.class).hasMessageContaining("try later");

    JsonNode span = onlySpan();
    assertThat(span.get("span_name").asText()).isEqualTo("bedrock.invoke_model");
    assertThat(span.get("status").asText()).isEqualTo("error");
    assertThat(span.toString()).contains("\"prompt\":\"hi\"");
  }

  @Test
  void otherOperationsAreNotRecorded() {
    bedrock.answer("count-tokens", Answer.json("{\"inputTokens\":3}"));

    client.countTokens(r -> r.modelId(SONNET).input(i -> i.converse(c -> c.messages(
        Message.builder().role(ConversationRole.USER).content(ContentBlock.fromText("hi")).build()))));

    assertThat(traces()).isEmpty();
  }

  static org.assertj.core.data.Offset<Double> within() {
    return org.assertj.core.data.Offset.offset(1e-9);
  }
}
