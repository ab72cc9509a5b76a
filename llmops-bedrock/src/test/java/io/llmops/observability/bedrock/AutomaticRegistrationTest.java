package io.llmops.observability.bedrock;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.llmops.observability.bedrock.FakeBedrockRuntime.Answer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeClient;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeClientBuilder;

class AutomaticRegistrationTest extends BedrockTest {

  @AfterEach
  void switchOff() {
    System.clearProperty(GlobalBedrockInterceptor.SWITCH_PROPERTY);
  }

  private BedrockRuntimeClientBuilder plainClient() {
    return BedrockRuntimeClient.builder().region(Region.US_EAST_1)
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDTEST", "secret")))
        .endpointOverride(bedrock.endpoint())
        .httpClientBuilder(UrlConnectionHttpClient.builder());
  }

  @Test
  void withTheSwitchOnAClientBuiltWithoutTheInterceptorIsRecorded() {
    bedrock.answer("converse", Answer.json(SyncAndAsyncCallsTest.CONVERSE_ANSWER));
    System.setProperty(GlobalBedrockInterceptor.SWITCH_PROPERTY, "true");

    try (BedrockRuntimeClient plain = plainClient().build()) {
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

    try (BedrockRuntimeClient both = plainClient()
        .overrideConfiguration(c -> c.addExecutionInterceptor(new LlmopsBedrockInterceptor())).build()) {
      both.converse(SyncAndAsyncCallsTest.converseRequest(SONNET));
    }

    assertThat(onlySpan().get("span_name").asText()).isEqualTo("bedrock.converse");
  }

  @Test
  void withTheSwitchOffNothingIsRecordedWithoutTheInterceptorOnTheBuilder() {
    bedrock.answer("converse", Answer.json(SyncAndAsyncCallsTest.CONVERSE_ANSWER));

    try (BedrockRuntimeClient plain = plainClient().build()) {
      plain.converse(SyncAndAsyncCallsTest.converseRequest(SONNET));
    }

    assertThat(traces()).isEmpty();
    assertThat(new GlobalBedrockInterceptor().active()).isFalse();
  }
}
