package io.llmops.observability.evals.internal;

import io.llmops.observability.Scope;
import io.llmops.observability.evals.ChatModel;
import io.llmops.observability.evals.JudgeException;
import io.llmops.observability.spi.SdkInfo;
import io.llmops.observability.spi.JudgeCalls;
import io.llmops.observability.spi.OutboundHttp;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.core.ApiName;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkServiceException;
import software.amazon.awssdk.http.Protocol;
import software.amazon.awssdk.http.ProtocolNegotiation;
import software.amazon.awssdk.http.SdkHttpConfigurationOption;
import software.amazon.awssdk.http.async.SdkAsyncHttpClient;
import software.amazon.awssdk.http.async.SdkAsyncHttpService;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeAsyncClient;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeAsyncClientBuilder;
import software.amazon.awssdk.services.bedrockruntime.model.ContentBlock;
import software.amazon.awssdk.services.bedrockruntime.model.ConversationRole;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseRequest;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseResponse;
import software.amazon.awssdk.services.bedrockruntime.model.Message;
import software.amazon.awssdk.services.bedrockruntime.model.SystemContentBlock;
import software.amazon.awssdk.utils.AttributeMap;

/**
 * A Bedrock model through the Converse API of the AWS SDK v2 ({@code
 * software.amazon.awssdk:bedrockruntime}, which the application provides). Temperature 0; the
 * text blocks of the output message. Loaded only for a Bedrock judge ({@code
 * LLMOPS_JUDGE=bedrock} or the default judge). Its requests are named {@value
 * JudgeCalls#API_NAME}, so that {@code llmops-bedrock}'s interceptor, which the agent adds to
 * every Bedrock Runtime client, does not record the judge's calls as the application's
 * generations. Internal.
 */
public final class BedrockConverseChatModel implements ChatModel {

  /** On every request; the SDK also appends it to the User-Agent. */
  private static final ApiName JUDGE =
      ApiName.builder().name(JudgeCalls.API_NAME).version(SdkInfo.VERSION).build();

  private final BedrockRuntimeAsyncClient client;
  private final String modelId;
  private final String region;

  public BedrockConverseChatModel(BedrockRuntimeAsyncClient client, String modelId) {
    this.client = client;
    this.modelId = modelId;
    Region configured = client.serviceClientConfiguration().region();
    this.region = configured == null ? "unknown" : configured.id();
  }

  /** A model on a client with the default credentials chain; {@code endpoint} may be null. */
  public static ChatModel create(String modelId, String region, @Nullable String endpoint,
      Duration timeout) {
    return create(modelId, region, endpoint, timeout, DefaultCredentialsProvider.builder().build());
  }

  /** A model on a client with {@code credentials}; {@code endpoint} may be null. */
  public static ChatModel create(String modelId, String region, @Nullable String endpoint,
      Duration timeout, AwsCredentialsProvider credentials) {
    BedrockRuntimeAsyncClientBuilder builder = BedrockRuntimeAsyncClient.builder()
        .region(Region.of(region))
        .credentialsProvider(credentials)
        .overrideConfiguration(o -> o.apiCallTimeout(timeout));
    if (endpoint != null) {
      builder.endpointOverride(URI.create(endpoint));
      if (endpoint.startsWith("http://")) {
        http1().ifPresent(builder::httpClientBuilder);
      }
    }
    return new BedrockConverseChatModel(builder.build(), modelId);
  }

  /**
   * The application's async HTTP client speaking HTTP/1.1. Bedrock Runtime clients default to
   * HTTP/2 chosen by ALPN, which needs TLS: on a cleartext endpoint (a local proxy or fake) the
   * client would speak HTTP/2 to a server that never agreed to it.
   */
  private static Optional<Http1ClientBuilder> http1() {
    return ServiceLoader.load(SdkAsyncHttpService.class, SdkAsyncHttpService.class.getClassLoader())
        .findFirst().map(Http1ClientBuilder::new);
  }

  private static final class Http1ClientBuilder
      implements SdkAsyncHttpClient.Builder<Http1ClientBuilder> {

    private static final AttributeMap HTTP1 = AttributeMap.builder()
        .put(SdkHttpConfigurationOption.PROTOCOL, Protocol.HTTP1_1)
        .put(SdkHttpConfigurationOption.PROTOCOL_NEGOTIATION, ProtocolNegotiation.ASSUME_PROTOCOL)
        .build();

    private final SdkAsyncHttpService service;

    Http1ClientBuilder(SdkAsyncHttpService service) {
      this.service = service;
    }

    @Override
    public SdkAsyncHttpClient buildWithDefaults(AttributeMap serviceDefaults) {
      return service.createAsyncHttpClientFactory().buildWithDefaults(HTTP1.merge(serviceDefaults));
    }
  }

  @Override
  public CompletableFuture<String> complete(String system, String user) {
    ConverseRequest request = ConverseRequest.builder()
        .modelId(modelId)
        .system(SystemContentBlock.fromText(system))
        .messages(Message.builder().role(ConversationRole.USER)
            .content(ContentBlock.fromText(user)).build())
        .inferenceConfig(c -> c.temperature(0f))
        .overrideConfiguration(o -> o.addApiName(JUDGE))
        .build();
    CompletableFuture<ConverseResponse> call;
    try (Scope ownCall = OutboundHttp.suppress()) { // the judge's call is not the application's
      call = client.converse(request);
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(failure(e));
    }
    return call.handle((response, error) -> {
      if (error != null) {
        throw failure(error);
      }
      return text(response);
    });
  }

  private static String text(ConverseResponse response) {
    StringBuilder text = new StringBuilder();
    if (response.output() != null && response.output().message() != null) {
      for (ContentBlock block : response.output().message().content()) {
        if (block.text() != null) {
          text.append(block.text());
        }
      }
    }
    if (text.length() == 0) {
      throw new JudgeException(VerdictParser.UNREADABLE, "the Bedrock judge answered no text");
    }
    return text.toString();
  }

  private JudgeException failure(Throwable error) {
    Throwable cause = error instanceof CompletionException && error.getCause() != null
        ? error.getCause() : error;
    if (cause instanceof ApiCallTimeoutException) {
      return new JudgeException("timeout", "the Bedrock judge did not answer in time", cause);
    }
    String status = cause instanceof SdkServiceException service
        ? " (HTTP " + service.statusCode() + ")" : "";
    return new JudgeException("backend_error", "the Bedrock judge " + modelId + " failed"
        + status + ": " + cause.getClass().getSimpleName(), cause);
  }

  @Override
  public Map<String, Object> describe() {
    return Map.of("backend", "bedrock", "model", modelId, "region", region);
  }
}
