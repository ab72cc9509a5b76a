package io.llmops.observability.bedrock;

import static org.assertj.core.api.Assertions.assertThat;

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
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.http.Protocol;
import software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeAsyncClient;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeClient;
import software.amazon.awssdk.services.bedrockruntime.model.InvokeModelWithResponseStreamResponseHandler;

/**
 * Base of the tests: a fake Bedrock Runtime on 127.0.0.1, real SDK clients (sync over
 * url-connection, async over Netty speaking HTTP/1.1: the fake server has no HTTP/2) carrying the interceptor, and traces landing in {@link #sink}.
 */
abstract class BedrockTest {

  static final String SONNET = "anthropic.claude-3-sonnet-20240229-v1:0";

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
    var credentials = StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDTEST", "secret"));
    client = BedrockRuntimeClient.builder()
        .region(Region.US_EAST_1).credentialsProvider(credentials).endpointOverride(bedrock.endpoint())
        .httpClientBuilder(UrlConnectionHttpClient.builder())
        .overrideConfiguration(c -> c.addExecutionInterceptor(new LlmopsBedrockInterceptor())
            .retryStrategy(RetryMode.STANDARD).retryStrategy(b -> b.maxAttempts(1)))
        .build();
    asyncClient = BedrockRuntimeAsyncClient.builder()
        .region(Region.US_EAST_1).credentialsProvider(credentials).endpointOverride(bedrock.endpoint())
        .httpClientBuilder(NettyNioAsyncHttpClient.builder().protocol(Protocol.HTTP1_1))
        .overrideConfiguration(c -> c.addExecutionInterceptor(new LlmopsBedrockInterceptor())
            .retryStrategy(b -> b.maxAttempts(1)))
        .build();
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
