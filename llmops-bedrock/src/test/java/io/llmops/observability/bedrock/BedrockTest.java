package io.llmops.observability.bedrock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import io.llmops.observability.Llmops;
import io.llmops.observability.testing.CollectingSink;
import io.llmops.observability.testing.TestConfigs;
import io.llmops.observability.testing.WireDecoder;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeAsyncClient;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeClient;
import software.amazon.awssdk.services.bedrockruntime.model.InvokeModelWithResponseStreamResponseHandler;

/**
 * Base of the tests: a fake Bedrock Runtime on 127.0.0.1, real SDK clients ({@link TestClients})
 * carrying the interceptor, and traces landing in {@link #sink}.
 */
abstract class BedrockTest {

  static final String SONNET = "anthropic.claude-3-sonnet-20240229-v1:0";
  /** An application inference profile: the model the caller pays for, priced by the test at 2 and 10 $/M. */
  static final String APPLICATION_PROFILE =
      "arn:aws:bedrock:us-east-1:123456789012:application-inference-profile/a1b2c3d4";
  /** The model Anthropic's response bodies name for Claude 3 Haiku. */
  static final String ANTHROPIC_PAYLOAD_MODEL = "claude-3-haiku-20240307";

  protected final CollectingSink sink = new CollectingSink();
  protected static FakeBedrockRuntime bedrock;
  protected static BedrockRuntimeClient client;
  protected static BedrockRuntimeAsyncClient asyncClient;

  @BeforeEach
  void configure() {
    Llmops.configure(TestConfigs.isolated().defaultModelId("default-model").addSink(sink).build());
    bedrock.reset();
  }

  @AfterEach
  void shutdown() {
    Llmops.shutdown(Duration.ofSeconds(5));
  }

  /** One server and one pair of clients per class: closing a Netty client takes seconds. */
  @BeforeAll
  static void start() throws Exception {
    bedrock = new FakeBedrockRuntime();
    client = TestClients.sync(bedrock.endpoint(), new LlmopsBedrockInterceptor());
    asyncClient = TestClients.async(bedrock.endpoint(), new LlmopsBedrockInterceptor());
  }

  @AfterAll
  static void stop() {
    client.close();
    asyncClient.close();
    bedrock.close();
  }

  /** Calls InvokeModelWithResponseStream asynchronously; the chunks the caller's handler received. */
  protected List<String> invokeWithResponseStream(String modelId, String body) {
    List<String> chunks = new CopyOnWriteArrayList<>();
    var handler = InvokeModelWithResponseStreamResponseHandler.builder()
        .subscriber(InvokeModelWithResponseStreamResponseHandler.Visitor.builder()
            .onChunk(part -> chunks.add(part.bytes().asUtf8String())).build())
        .build();
    asyncClient.invokeModelWithResponseStream(r -> r.modelId(modelId)
        .body(SdkBytes.fromUtf8String(body)), handler).join();
    return chunks;
  }

  /**
   * The span is of the requested {@link #APPLICATION_PROFILE}, priced at its price; the model the
   * Anthropic payload names is kept beside it.
   */
  static void assertRecordedAsTheRequestedModel(JsonNode span, long inputTokens, long outputTokens) {
    assertThat(span.get("model_id").asText()).as("%s", span).isEqualTo(APPLICATION_PROFILE);
    assertThat(span.at("/cost/total_cost").asDouble())
        .isCloseTo((inputTokens * 2.0 + outputTokens * 10.0) / 1e6, within(1e-12));
    assertThat(span.at("/metadata/llm.response_model").asText()).isEqualTo(ANTHROPIC_PAYLOAD_MODEL);
  }

  /** Every trace sent so far, decoded. */
  protected List<JsonNode> traces() {
    assertThat(Llmops.flush(Duration.ofSeconds(10))).isTrue();
    List<JsonNode> traces = new ArrayList<>();
    sink.messages().forEach(message -> traces.add(WireDecoder.trace(message.body())));
    return traces;
  }

  /** The only span of the only trace. */
  protected JsonNode onlySpan() {
    List<JsonNode> traces = traces();
    assertThat(traces).hasSize(1);
    JsonNode spans = traces.get(0).get("spans");
    assertThat(spans).hasSize(1);
    return spans.get(0);
  }
}
