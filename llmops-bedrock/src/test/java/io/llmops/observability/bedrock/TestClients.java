package io.llmops.observability.bedrock;

import java.net.URI;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.Protocol;
import software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeAsyncClient;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeClient;

/**
 * Real SDK clients of a {@link FakeBedrockRuntime}: test credentials, one attempt per call (unless
 * said otherwise), sync over url-connection, async over Netty speaking HTTP/1.1 (the fake server
 * has no HTTP/2), with the given interceptors on the builder.
 */
public final class TestClients {

  private static final StaticCredentialsProvider CREDENTIALS =
      StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDTEST", "secret"));

  private TestClients() {}

  public static BedrockRuntimeClient sync(URI endpoint, ExecutionInterceptor... interceptors) {
    return BedrockRuntimeClient.builder()
        .region(Region.US_EAST_1).credentialsProvider(CREDENTIALS).endpointOverride(endpoint)
        .httpClientBuilder(UrlConnectionHttpClient.builder())
        .overrideConfiguration(c -> configure(c, interceptors))
        .build();
  }

  public static BedrockRuntimeAsyncClient async(URI endpoint, ExecutionInterceptor... interceptors) {
    return asyncRetrying(endpoint, 1, interceptors);
  }

  /** An async client making up to {@code attempts} attempts per call, each retry at once. */
  public static BedrockRuntimeAsyncClient asyncRetrying(URI endpoint, int attempts,
      ExecutionInterceptor... interceptors) {
    return BedrockRuntimeAsyncClient.builder()
        .region(Region.US_EAST_1).credentialsProvider(CREDENTIALS).endpointOverride(endpoint)
        .httpClientBuilder(NettyNioAsyncHttpClient.builder().protocol(Protocol.HTTP1_1))
        .overrideConfiguration(c -> configure(c, attempts, interceptors))
        .build();
  }

  private static void configure(ClientOverrideConfiguration.Builder configuration,
      ExecutionInterceptor... interceptors) {
    configure(configuration, 1, interceptors);
  }

  private static void configure(ClientOverrideConfiguration.Builder configuration, int attempts,
      ExecutionInterceptor... interceptors) {
    for (ExecutionInterceptor interceptor : interceptors) {
      configuration.addExecutionInterceptor(interceptor);
    }
    configuration.retryStrategy(retry -> retry.maxAttempts(attempts)
        .backoffStrategy(BackoffStrategy.retryImmediately())
        .throttlingBackoffStrategy(BackoffStrategy.retryImmediately()));
  }
}
