package io.llmops.observability.processor.s3;

import java.net.URI;
import java.util.UUID;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.nio2blob.TransientNio2BlobStore;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * A real S3 protocol server in the test's process (s3proxy 4.1.0 over its in-memory store) on
 * 127.0.0.1, and clients for it: the AWS SDK's own S3 client, unchanged but for the endpoint and
 * path-style addressing. Start one per test class; {@link #newBucket()} gives each test its own
 * bucket. s3proxy evaluates {@code If-None-Match: *} atomically, but {@code If-Match} as a read
 * followed by a write (docs/PROCESSOR.md, "Several processors").
 */
public final class LocalS3 implements AutoCloseable {

  private static final String ACCESS_KEY = "local-access-key";
  private static final String SECRET_KEY = "local-secret-key";

  private final S3Proxy proxy;
  private final URI endpoint;
  private final S3Client client;

  private LocalS3(S3Proxy proxy, URI endpoint) {
    this.proxy = proxy;
    this.endpoint = endpoint;
    this.client = newClient();
  }

  /** Starts a server on a free port of 127.0.0.1. */
  public static LocalS3 start() throws Exception {
    S3Proxy proxy = S3Proxy.builder()
        .blobStore(new TransientNio2BlobStore())
        .endpoint(URI.create("http://127.0.0.1:0"))
        .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS_KEY, SECRET_KEY)
        .build();
    proxy.start();
    while (!"STARTED".equals(proxy.getState())) {
      Thread.onSpinWait();
    }
    return new LocalS3(proxy, URI.create("http://127.0.0.1:" + proxy.getPort()));
  }

  /** A new empty bucket, with a unique name. */
  public String newBucket() {
    String bucket = "test-" + UUID.randomUUID();
    client.createBucket(builder -> builder.bucket(bucket));
    return bucket;
  }

  /** The server's endpoint, {@code http://127.0.0.1:<port>}. */
  public URI endpoint() {
    return endpoint;
  }

  /** A client shared by the callers of this method; closed with the server. */
  public S3Client client() {
    return client;
  }

  /** A client of its own (as another processor would have); the caller closes it. */
  public S3Client newClient() {
    return S3Client.builder()
        .endpointOverride(endpoint)
        .forcePathStyle(true)
        .region(Region.US_EAST_1)
        .credentialsProvider(StaticCredentialsProvider.create(
            AwsBasicCredentials.create(ACCESS_KEY, SECRET_KEY)))
        .httpClientBuilder(Apache5HttpClient.builder())
        .build();
  }

  @Override
  public void close() throws Exception {
    client.close();
    proxy.stop();
  }
}
