package io.llmops.observability.evals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import io.llmops.observability.evals.internal.BedrockConverseChatModel;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.http.Protocol;
import software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeAsyncClient;

/** The Bedrock Converse judge against a local server speaking the Converse REST protocol. */
@Timeout(60)
class BedrockJudgeTest {

  private HttpServer server;
  private final List<String> paths = new CopyOnWriteArrayList<>();
  private final List<JsonNode> bodies = new CopyOnWriteArrayList<>();
  private final AtomicInteger status = new AtomicInteger(200);
  private final AtomicReference<String> answer = new AtomicReference<>();
  private BedrockRuntimeAsyncClient client;

  @BeforeEach
  void start() throws Exception {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", exchange -> {
      try (exchange) {
        paths.add(exchange.getRequestURI().getPath());
        bodies.add(FakeChatServer.JSON.readTree(exchange.getRequestBody().readAllBytes()));
        String body = status.get() == 200
            ? "{\"output\":{\"message\":{\"role\":\"assistant\",\"content\":[{\"text\":"
                + FakeChatServer.JSON.writeValueAsString(answer.get()) + "}]}},"
                + "\"stopReason\":\"end_turn\",\"usage\":{\"inputTokens\":10,\"outputTokens\":5,\"totalTokens\":15},"
                + "\"metrics\":{\"latencyMs\":12}}"
            : "{\"message\":\"throttled\"}";
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        if (status.get() != 200) {
          exchange.getResponseHeaders().set("x-amzn-ErrorType", "InternalServerException");
        }
        exchange.sendResponseHeaders(status.get(), bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
          out.write(bytes);
        }
      }
    });
    server.start();
    client = BedrockRuntimeAsyncClient.builder()
        .region(Region.US_EAST_1)
        .httpClientBuilder(NettyNioAsyncHttpClient.builder().protocol(Protocol.HTTP1_1))
        .endpointOverride(URI.create("http://127.0.0.1:" + server.getAddress().getPort()))
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDTEST", "secret")))
        .overrideConfiguration(o -> o.retryStrategy(RetryMode.STANDARD).apiCallTimeout(Duration.ofSeconds(10)))
        .build();
  }

  @AfterEach
  void stop() {
    client.close();
    server.stop(0);
  }

  @Test
  void aConverseJudgeSendsSystemAndUserMessagesAndReadsTheVerdict() throws Exception {
    answer.set("Verdict: {\"score\": \"4/5\", \"label\": \"relevant\", \"rationale\": \"On topic.\"}");
    Judge judge = new ChatJudge(new BedrockConverseChatModel(client, "anthropic.claude-3-haiku-20240307-v1:0"));

    Verdict verdict = judge.judge(new JudgeRequest(Criterion.RELEVANCE, "Weather in Paris?",
        "It is sunny in Paris.", null, Map.of())).get(30, TimeUnit.SECONDS);

    assertThat(verdict).isEqualTo(new Verdict(0.8, "relevant", "On topic."));
    assertThat(paths).containsExactly("/model/anthropic.claude-3-haiku-20240307-v1:0/converse");
    JsonNode body = bodies.get(0);
    assertThat(body.at("/system/0/text").asText()).contains("relevance");
    assertThat(body.at("/messages/0/role").asText()).isEqualTo("user");
    assertThat(body.at("/messages/0/content/0/text").asText()).contains("It is sunny in Paris.");
    assertThat(body.at("/inferenceConfig/temperature").asDouble()).isZero();
    assertThat(judge.describe()).containsEntry("backend", "bedrock").containsEntry("region", "us-east-1");
  }

  @Test
  void aServerErrorIsABackendError() {
    status.set(500);
    Judge judge = new ChatJudge(new BedrockConverseChatModel(client, "m"));
    assertThatThrownBy(() -> judge.judge(new JudgeRequest(Criterion.CORRECTNESS, "q", "a", null, Map.of()))
        .get(30, TimeUnit.SECONDS))
        .isInstanceOf(ExecutionException.class)
        .cause().isInstanceOf(JudgeException.class)
        .satisfies(e -> assertThat(((JudgeException) e).reason()).isEqualTo("backend_error"))
        .hasMessageContaining("HTTP 500");
  }

  @Test
  void bedrockIsSelectedByConfiguration() {
    Map<String, String> env = Map.of(JudgeConfig.JUDGE, "bedrock", JudgeConfig.MODEL, "amazon.nova-lite-v1:0",
        JudgeConfig.REGION, "eu-west-1");
    Judge judge = JudgeConfig.from(name -> Optional.ofNullable(env.get(name))).createJudge().orElseThrow();
    assertThat(judge.describe()).containsEntry("backend", "bedrock")
        .containsEntry("model", "amazon.nova-lite-v1:0").containsEntry("region", "eu-west-1");
  }
}
