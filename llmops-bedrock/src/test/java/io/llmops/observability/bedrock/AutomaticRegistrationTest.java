package io.llmops.observability.bedrock;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.llmops.observability.bedrock.FakeBedrockRuntime.Answer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeClient;

class AutomaticRegistrationTest extends BedrockTest {

  @AfterEach
  void switchOff() {
    System.clearProperty(GlobalBedrockInterceptor.SWITCH_PROPERTY);
  }

  @Test
  void withTheSwitchOnAClientBuiltWithoutTheInterceptorIsRecorded() {
    bedrock.answer("converse", Answer.json(SyncAndAsyncCallsTest.CONVERSE_ANSWER));
    System.setProperty(GlobalBedrockInterceptor.SWITCH_PROPERTY, "true");

    try (BedrockRuntimeClient plain = TestClients.sync(bedrock.endpoint())) {
      plain.converse(SyncAndAsyncCallsTest.converseRequest(SONNET));
    }

    JsonNode span = onlySpan();
    assertThat(span.get("span_name").asText()).isEqualTo("bedrock.converse");
    assertThat(span.at("/usage/input_tokens").asLong()).isEqualTo(145);
  }

  @Test
  void withTheSwitchOnAndTheInterceptorAlsoOnTheBuilderEachCallIsRecordedOnce() {
    bedrock.answer("converse", Answer.json(SyncAndAsyncCallsTest.CONVERSE_ANSWER));
    System.setProperty(GlobalBedrockInterceptor.SWITCH_PROPERTY, "true");

    try (BedrockRuntimeClient both = TestClients.sync(bedrock.endpoint(), new LlmopsBedrockInterceptor())) {
      both.converse(SyncAndAsyncCallsTest.converseRequest(SONNET));
    }

    assertThat(onlySpan().get("span_name").asText()).isEqualTo("bedrock.converse");
  }

  @Test
  void withTheSwitchOffNothingIsRecordedWithoutTheInterceptorOnTheBuilder() {
    bedrock.answer("converse", Answer.json(SyncAndAsyncCallsTest.CONVERSE_ANSWER));

    try (BedrockRuntimeClient plain = TestClients.sync(bedrock.endpoint())) {
      plain.converse(SyncAndAsyncCallsTest.converseRequest(SONNET));
    }

    assertThat(traces()).isEmpty();
    assertThat(new GlobalBedrockInterceptor().active()).isFalse();
  }
}
