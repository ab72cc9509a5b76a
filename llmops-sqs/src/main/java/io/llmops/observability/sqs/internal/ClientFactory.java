package io.llmops.observability.sqs.internal;

import java.time.Duration;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsAsyncClient;
import software.amazon.awssdk.services.sqs.SqsAsyncClientBuilder;

/**
 * Builds the SQS client: the default credentials chain (honouring {@code AWS_PROFILE}), the
 * region, the endpoint taken from {@code AWS_ENDPOINT_URL_SQS}/{@code AWS_ENDPOINT_URL} or from a
 * non-AWS queue URL, and no SDK retries (the sink retries by its own knobs). Internal.
 */
final class ClientFactory {

  private ClientFactory() {}

  static SqsAsyncClient create(SqsSinkOptions options) {
    Duration timeout = options.requestTimeout();
    Duration connect = timeout.compareTo(Duration.ofSeconds(2)) < 0 ? timeout : Duration.ofSeconds(2);
    SqsAsyncClientBuilder builder = SqsAsyncClient.builder()
        .region(Region.of(options.region()))
        .credentialsProvider(credentials(options))
        .httpClientBuilder(NettyNioAsyncHttpClient.builder()
            .maxConcurrency(Math.max(8, options.workerCount() * 2 + 2))
            .connectionTimeout(connect)
            .connectionAcquisitionTimeout(timeout)
            .readTimeout(timeout)
            .writeTimeout(timeout))
        .overrideConfiguration(c -> c
            .apiCallTimeout(timeout)
            .apiCallAttemptTimeout(timeout)
            .retryStrategy(AwsRetryStrategy.doNotRetry()));
    if (options.endpoint() != null) {
      builder.endpointOverride(options.endpoint());
    }
    return builder.build();
  }

  /**
   * The default chain; for a local SQS server (ElasticMQ, LocalStack on a loopback address) with
   * no credentials configured, fixed placeholder credentials, which such servers accept.
   */
  static AwsCredentialsProvider credentials(SqsSinkOptions options) {
    boolean configured = System.getenv("AWS_ACCESS_KEY_ID") != null
        || System.getProperty("aws.accessKeyId") != null || options.profile() != null
        || System.getenv("AWS_PROFILE") != null;
    if (options.localEndpoint() && !configured) {
      return StaticCredentialsProvider.create(AwsBasicCredentials.create("llmops-local", "llmops-local"));
    }
    DefaultCredentialsProvider.Builder chain = DefaultCredentialsProvider.builder();
    if (options.profile() != null) {
      chain.profileName(options.profile());
    }
    return chain.build();
  }
}
