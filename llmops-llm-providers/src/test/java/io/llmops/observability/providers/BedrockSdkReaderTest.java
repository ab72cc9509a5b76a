package io.llmops.observability.providers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import io.llmops.observability.LlmResponse;
import io.llmops.observability.Llmops;
import io.llmops.observability.Span;
import io.llmops.observability.TraceManager;
import io.llmops.observability.testing.Exported;
import io.llmops.observability.testing.TracingHarness;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.document.Document;
import software.amazon.awssdk.services.bedrockruntime.model.ContentBlock;
import software.amazon.awssdk.services.bedrockruntime.model.ContentBlockDelta;
import software.amazon.awssdk.services.bedrockruntime.model.ContentBlockStart;
import software.amazon.awssdk.services.bedrockruntime.model.ConversationRole;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseOutput;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseResponse;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseStreamOutput;
import software.amazon.awssdk.services.bedrockruntime.model.InvokeModelResponse;
import software.amazon.awssdk.services.bedrockruntime.model.Message;
import software.amazon.awssdk.services.bedrockruntime.model.PayloadPart;
import software.amazon.awssdk.services.bedrockruntime.model.StopReason;
import software.amazon.awssdk.services.bedrockruntime.model.TokenUsage;
import software.amazon.awssdk.services.bedrockruntime.model.ToolUseBlock;
import software.amazon.awssdk.services.bedrockruntime.model.ToolUseBlockDelta;
import software.amazon.awssdk.services.bedrockruntime.model.ToolUseBlockStart;

class BedrockSdkReaderTest {

  @RegisterExtension final TracingHarness tracing = new TracingHarness();

  static ConverseResponse converse() {
    return ConverseResponse.builder()
        .output(ConverseOutput.builder().message(Message.builder().role(ConversationRole.ASSISTANT)
            .content(ContentBlock.fromText("Checking the weather."),
                ContentBlock.fromToolUse(ToolUseBlock.builder().toolUseId("tooluse_1").name("get_weather")
                    .input(Document.mapBuilder().putString("city", "Seattle").putNumber("days", 3).build())
                    .build()))
            .build()).build())
        .stopReason(StopReason.TOOL_USE)
        .usage(TokenUsage.builder().inputTokens(100).outputTokens(20).totalTokens(920)
            .cacheReadInputTokens(800).cacheWriteInputTokens(0).build())
        .build();
  }

  @Test
  void aTypedConverseResponseGivesTextToolCallsStopReasonAndUsageWithCache() {
    LlmResponse r = LlmResponse.read(converse());
    assertThat(r.format()).isEqualTo("bedrock.converse");
    assertThat(r.text()).isEqualTo("Checking the weather.");
    assertThat(r.toolCalls()).containsExactly(
        new LlmResponse.ToolCall("tooluse_1", "get_weather", "{\"city\":\"Seattle\",\"days\":3}"));
    assertThat(r.stopReason()).isEqualTo("tool_use");
    assertThat(List.of(r.inputTokens(), r.outputTokens(), r.totalTokens())).containsExactly(900L, 20L, 920L);
    assertThat(r.cacheReadTokens()).isEqualTo(800);
  }

  @Test
  void anInvokeModelResponseBodyIsReadByItsShape() {
    String body = "{\"generation\":\"Hi\",\"prompt_token_count\":5,\"generation_token_count\":2,\"stop_reason\":\"stop\"}";
    LlmResponse r = LlmResponse.read(InvokeModelResponse.builder().body(SdkBytes.fromUtf8String(body)).build());
    assertThat(r.format()).isEqualTo("bedrock.llama");
    assertThat(r.text()).isEqualTo("Hi");
    assertThat(r.totalTokens()).isEqualTo(7);
  }

  @Test
  void gatheredConverseStreamEventsAndPayloadPartsAreFolded() {
    List<ConverseStreamOutput> events = List.of(
        ConverseStreamOutput.messageStartBuilder().role(ConversationRole.ASSISTANT).build(),
        ConverseStreamOutput.contentBlockDeltaBuilder().contentBlockIndex(0)
            .delta(ContentBlockDelta.fromText("Hel")).build(),
        ConverseStreamOutput.contentBlockDeltaBuilder().contentBlockIndex(0)
            .delta(ContentBlockDelta.fromText("lo")).build(),
        ConverseStreamOutput.contentBlockStartBuilder().contentBlockIndex(1)
            .start(ContentBlockStart.fromToolUse(ToolUseBlockStart.builder().toolUseId("t1").name("lookup").build())).build(),
        ConverseStreamOutput.contentBlockDeltaBuilder().contentBlockIndex(1)
            .delta(ContentBlockDelta.fromToolUse(ToolUseBlockDelta.builder().input("{\"q\":1}").build())).build(),
        ConverseStreamOutput.messageStopBuilder().stopReason(StopReason.END_TURN).build(),
        ConverseStreamOutput.metadataBuilder().usage(TokenUsage.builder().inputTokens(9).outputTokens(3).totalTokens(12).build()).build());
    LlmResponse r = LlmResponse.read(events);
    assertThat(r.text()).isEqualTo("Hello");
    assertThat(r.toolCalls()).containsExactly(new LlmResponse.ToolCall("t1", "lookup", "{\"q\":1}"));
    assertThat(r.stopReason()).isEqualTo("end_turn");
    assertThat(r.totalTokens()).isEqualTo(12);

    LlmResponse early = LlmResponse.read(events.subList(0, 3));
    assertThat(early.text()).isEqualTo("Hello");
    assertThat(early.hasUsage()).isFalse();

    List<PayloadPart> parts = List.of(
        PayloadPart.builder().bytes(SdkBytes.fromUtf8String("{\"outputText\":\"Hi\",\"inputTextTokenCount\":3,\"totalOutputTextTokenCount\":1}")).build(),
        PayloadPart.builder().bytes(SdkBytes.fromUtf8String("{\"outputText\":\"!\",\"totalOutputTextTokenCount\":2,\"completionReason\":\"FINISH\"}")).build());
    LlmResponse titan = LlmResponse.read(parts);
    assertThat(titan.text()).isEqualTo("Hi!");
    assertThat(titan.totalTokens()).isEqualTo(5);
  }

  @Test
  void aRecordedConverseResponseIsPricedOnTheExportedSpan() {
    TraceManager.startTrace("typed");
    try (Span span = Llmops.generation("converse").model("global.anthropic.claude-sonnet-4-5-20250929-v1:0").start()) {
      span.recordLlmResponse(converse());
    }
    TraceManager.endTrace();

    JsonNode span = Exported.onlyTrace(tracing.sink()).get("spans").get(0);
    assertThat(span.at("/usage/input_tokens").asLong()).isEqualTo(900);
    assertThat(span.at("/usage/cache_read_input_tokens").asLong()).isEqualTo(800);
    assertThat(span.at("/cost/total_cost").asDouble())
        .isCloseTo((100 * 3.0 + 800 * 0.30 + 20 * 15.0) / 1e6, within(1e-12));
    assertThat(span.at("/metadata/llm.tool_calls/0/name").asText()).isEqualTo("get_weather");
    assertThat(span.get("response").asText()).isEqualTo("Checking the weather.");
  }
}
