package io.llmops.observability.processor.s3;

import io.llmops.observability.processor.ObjectStore;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * An {@link ObjectStore} in an S3 bucket. The conditional writes are S3's own, atomic on the
 * service: {@link #createIfAbsent} is a PutObject with {@code If-None-Match: *},
 * {@link #replaceIfUnchanged} one with {@code If-Match: <ETag>}. A write that S3 answers with 409
 * ({@code ConditionalRequestConflict}: another conditional write on the key was in flight) is
 * retried a few times. Every failure is an {@link IOException} naming the operation and S3's
 * status and error code, never an object's content. Thread-safe, as {@link S3Client} is.
 */
public final class S3ObjectStore implements ObjectStore {

  /** Listing more keys than this under one prefix fails rather than filling the memory. */
  public static final int MAX_LISTED_KEYS = 100_000;

  private static final Pattern KEY = Pattern.compile("[A-Za-z0-9._=-]+(/[A-Za-z0-9._=-]+)*");
  private static final int CONFLICT_ATTEMPTS = 5;

  private final S3Client s3;
  private final String bucket;
  private final int pageSize;

  /**
   * A store in {@code bucket} through {@code s3} (which the caller closes).
   *
   * @throws IllegalArgumentException naming the argument that is null or blank
   */
  public S3ObjectStore(S3Client s3, String bucket) {
    this(s3, bucket, 1_000);
  }

  /** A store that lists {@code pageSize} keys per ListObjectsV2 call (S3 gives at most 1,000). */
  S3ObjectStore(S3Client s3, String bucket, int pageSize) {
    if (s3 == null) {
      throw new IllegalArgumentException("s3 must not be null");
    }
    if (bucket == null || bucket.isBlank()) {
      throw new IllegalArgumentException("bucket must not be blank");
    }
    this.s3 = s3;
    this.bucket = bucket;
    this.pageSize = pageSize;
  }

  /**
   * A store in {@code bucket} with the default credentials, region and HTTP client (Apache
   * HttpClient 5, which reads a refused conditional write's answer before sending the body).
   */
  public static S3ObjectStore forBucket(String bucket) {
    return new S3ObjectStore(
        S3Client.builder().httpClientBuilder(Apache5HttpClient.builder()).build(), bucket);
  }

  @Override
  public boolean createIfAbsent(String key, byte[] content) throws IOException {
    return conditionalPut("PutObject If-None-Match", content,
        PutObjectRequest.builder().bucket(bucket).key(checked(key)).ifNoneMatch("*").build());
  }

  @Override
  public void put(String key, byte[] content) throws IOException {
    PutObjectRequest request = PutObjectRequest.builder().bucket(bucket).key(checked(key)).build();
    try {
      s3.putObject(request, RequestBody.fromBytes(checked(content)));
    } catch (SdkException e) {
      throw failure("PutObject", e);
    }
  }

  @Override
  public Optional<StoredObject> get(String key) throws IOException {
    String checkedKey = checked(key);
    try {
      var object = s3.getObjectAsBytes(builder -> builder.bucket(bucket).key(checkedKey));
      return Optional.of(new StoredObject(object.asByteArray(), object.response().eTag()));
    } catch (NoSuchKeyException e) {
      return Optional.empty();
    } catch (SdkException e) {
      throw failure("GetObject", e);
    }
  }

  @Override
  public boolean replaceIfUnchanged(String key, byte[] content, String version)
      throws IOException {
    if (version == null) {
      throw new IllegalArgumentException("version must not be null");
    }
    return conditionalPut("PutObject If-Match", content,
        PutObjectRequest.builder().bucket(bucket).key(checked(key)).ifMatch(version).build());
  }

  @Override
  public List<String> list(String prefix) throws IOException {
    if (prefix == null) {
      throw new IllegalArgumentException("prefix must not be null");
    }
    List<String> keys = new ArrayList<>();
    String continuation = null;
    try {
      do {
        String token = continuation;
        ListObjectsV2Response page = s3.listObjectsV2(builder -> builder.bucket(bucket)
            .prefix(prefix).maxKeys(pageSize).continuationToken(token));
        for (S3Object object : page.contents()) {
          if (keys.size() == MAX_LISTED_KEYS) {
            throw new IOException("ListObjectsV2: more than " + MAX_LISTED_KEYS
                + " keys under one prefix");
          }
          keys.add(object.key());
        }
        continuation = Boolean.TRUE.equals(page.isTruncated())
            ? page.nextContinuationToken() : null;
      } while (continuation != null);
    } catch (SdkException e) {
      throw failure("ListObjectsV2", e);
    }
    return keys; // S3 lists in UTF-8 binary order, which is lexical order for these keys
  }

  @Override
  public void delete(String key) throws IOException {
    String checkedKey = checked(key);
    try {
      s3.deleteObject(builder -> builder.bucket(bucket).key(checkedKey));
    } catch (SdkException e) {
      throw failure("DeleteObject", e);
    }
  }

  /** True when S3 wrote the object, false when the condition did not hold (412, or 404). */
  private boolean conditionalPut(String operation, byte[] content, PutObjectRequest request)
      throws IOException {
    RequestBody body = RequestBody.fromBytes(checked(content));
    for (int attempt = 1; ; attempt++) {
      try {
        s3.putObject(request, body);
        return true;
      } catch (S3Exception e) {
        int status = e.statusCode();
        if (status == 412 || status == 404) {
          return false; // 404: If-Match on a key that is gone
        }
        if (status != 409 || attempt == CONFLICT_ATTEMPTS) {
          throw failure(operation, e);
        }
      } catch (SdkException e) {
        throw failure(operation, e);
      }
    }
  }

  private static IOException failure(String operation, SdkException e) {
    String what = e instanceof S3Exception s3
        ? "status " + s3.statusCode() + errorCodeOf(s3)
        : e.getClass().getSimpleName();
    return new IOException("S3 " + operation + " failed: " + what, e);
  }

  private static String errorCodeOf(S3Exception e) {
    return e.awsErrorDetails() == null || e.awsErrorDetails().errorCode() == null
        ? "" : " (" + e.awsErrorDetails().errorCode() + ")";
  }

  private static String checked(String key) {
    if (key == null || !KEY.matcher(key).matches()
        || Stream.of(key.split("/")).anyMatch(part -> part.equals("..") || part.equals("."))) {
      throw new IllegalArgumentException("key must be a path of [A-Za-z0-9._=-] parts");
    }
    return key;
  }

  private static byte[] checked(byte[] content) {
    if (content == null) {
      throw new IllegalArgumentException("content must not be null");
    }
    return content;
  }
}
