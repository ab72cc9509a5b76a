package io.llmops.observability.agent;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.llmops.observability.HttpClientLibrary;
import io.llmops.observability.OutboundHttpInstrumentation;
import io.llmops.observability.agent.fixtures.AnnotatedBedrockCalls;
import io.llmops.observability.agent.fixtures.BedrockCalls;
import io.llmops.observability.agent.testing.AgentTest;
import io.llmops.observability.bedrock.FakeBedrockRuntime;
import io.llmops.observability.bedrock.TestClients;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeClient;

/**
 * A {@code @TrackLlmCall} method that calls Bedrock through a client the agent gave the
 * interceptor records one generation for the one model call, with or without a manual span in
 * between, and the trace's totals count the call's tokens once.
 */
class OneCallOneGenerationTest extends AgentTest {

  private static FakeBedrockRuntime bedrock;
  private static BedrockRuntimeClient client;

  @BeforeAll
  static void start() throws Exception {
    bedrock = new FakeBedrockRuntime();
    BedrockCalls.script(bedrock);
    client = TestClients.sync(bedrock.endpoint());
  }

  /**
   * The fake Bedrock listens on 127.0.0.1, which is not a model API host: the woven URL
   * connection under the SDK would be a client span of its own there, where the call to
   * {@code bedrock-runtime.*.amazonaws.com} records onto the generation (docs/OUTBOUND_HTTP.md).
   */
  @BeforeEach
  void leaveTheHttpCallUnderTheGenerationOut() {
    OutboundHttpInstrumentation.disable(HttpClientLibrary.URL_CONNECTION);
  }

  @AfterEach
  void resetTheHttpSwitches() {
    OutboundHttpInstrumentation.useConfiguration();
  }

  @AfterAll
  static void stop() {
    client.close();
    bedrock.close();
  }

  @Test
  void anAnnotatedMethodAroundAnInterceptedCallIsOneGeneration() {
    new AnnotatedBedrockCalls(client).ask();

    JsonNode trace = onlyTrace();
    assertThat(trace.get("spans")).hasSize(1);
    JsonNode generation = trace.get("spans").get(0);
    assertThat(generation.get("span_name").asText()).isEqualTo("ask");
    assertThat(generation.get("model_id").asText()).isEqualTo(BedrockCalls.MODEL);
    assertThat(generation.at("/usage/input_tokens").asLong()).isEqualTo(9);
    assertThat(trace.at("/token_usage/total_input_tokens").asLong()).isEqualTo(9);
    assertThat(trace.at("/token_usage/total_output_tokens").asLong()).isEqualTo(2);
  }

  @Test
  void anAnnotationAManualSpanAndTheInterceptorMakeOneGeneration() {
    String answer = new AnnotatedBedrockCalls(client).askWithAManualSpanToo();

    assertThat(answer).isEqualTo("Hi.");
    JsonNode trace = onlyTrace();
    assertThat(trace.get("spans")).hasSize(1);
    assertThat(trace.at("/token_usage/total_input_tokens").asLong()).isEqualTo(9);
    assertThat(trace.at("/total_generations").asLong()).isEqualTo(1);
  }
}
