package io.llmops.observability.processor.s3;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.llmops.observability.processor.ObjectStore;
import java.io.IOException;
import io.llmops.observability.processor.ConcurrentCreators;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.S3Client;

class S3ObjectStoreTest {

  private static LocalS3 s3;
  private String bucket;
  private S3ObjectStore store;

  @BeforeAll
  static void startS3() throws Exception {
    s3 = LocalS3.start();
  }

  @AfterAll
  static void stopS3() throws Exception {
    s3.close();
  }

  @BeforeEach
  void newBucket() {
    bucket = s3.newBucket();
    store = new S3ObjectStore(s3.client(), bucket);
  }

  @Test
  void theServerHonoursIfNoneMatchOnPutObject() throws Exception {
    assertThat(store.createIfAbsent("claims/t1", bytes("first"))).isTrue();
    assertThat(store.createIfAbsent("claims/t1", bytes("second"))).isFalse();

    assertThat(text(store.get("claims/t1").orElseThrow().content())).isEqualTo("first");
  }

  @Test
  void theServerHonoursIfMatchOnPutObject() throws Exception {
    store.put("state/t1", bytes("v1"));
    String read = store.get("state/t1").orElseThrow().version();

    assertThat(store.replaceIfUnchanged("state/t1", bytes("v2"), read)).isTrue();
    assertThat(store.replaceIfUnchanged("state/t1", bytes("v3"), read)).isFalse();
    assertThat(store.replaceIfUnchanged("state/absent", bytes("v1"), read)).isFalse();

    assertThat(text(store.get("state/t1").orElseThrow().content())).isEqualTo("v2");
  }

  @Test
  void oneOfManyConcurrentCreatorsWinsAcrossClients() throws Exception {
    List<S3Client> clients = new ArrayList<>();
    List<S3ObjectStore> processors = new ArrayList<>();
    for (int i = 0; i < 16; i++) {
      S3Client client = s3.newClient();
      clients.add(client);
      processors.add(new S3ObjectStore(client, bucket));
    }
    try {
      assertThat(ConcurrentCreators.winners(processors, "claims/race")).isEqualTo(1);
    } finally {
      clients.forEach(S3Client::close);
    }
  }

  @Test
  void listsEveryPageOfKeysUnderAPrefixInOrder() throws Exception {
    S3ObjectStore tenPerPage = new S3ObjectStore(s3.client(), bucket, 10);
    for (int i = 24; i >= 0; i--) {
      store.put("child_traces/t1/s" + String.format("%02d", i) + ".json", bytes("x"));
    }
    store.put("child_traces/t2/s1.json", bytes("y"));

    List<String> keys = tenPerPage.list("child_traces/t1/");

    assertThat(keys).hasSize(25).isSorted()
        .startsWith("child_traces/t1/s00.json").endsWith("child_traces/t1/s24.json");
  }

  @Test
  void deletesAndReadsNothingWhereNothingIs() throws Exception {
    store.put("a/b", bytes("x"));

    store.delete("a/b");
    store.delete("a/b");

    assertThat(store.get("a/b")).isEmpty();
    assertThat(store.list("a/")).isEmpty();
  }

  @Test
  void reportsAMissingBucketAsAnIoExceptionThatEchoesNoContent() {
    ObjectStore missing = new S3ObjectStore(s3.client(), "no-such-bucket");

    assertThatThrownBy(() -> missing.put("a/b", bytes("secret content")))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("PutObject").hasMessageContaining("404")
        .hasMessageNotContaining("secret content");
    assertThatThrownBy(() -> missing.list("a/"))
        .isInstanceOf(IOException.class).hasMessageContaining("ListObjectsV2");
  }

  @Test
  void refusesBadArgumentsNamingThem() {
    assertThatThrownBy(() -> store.put("../escape", bytes("x")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("key");
    assertThatThrownBy(() -> store.createIfAbsent("a", null))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("content");
    assertThatThrownBy(() -> new S3ObjectStore(s3.client(), " "))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("bucket");
  }

  private static byte[] bytes(String text) {
    return text.getBytes(UTF_8);
  }

  private static String text(byte[] bytes) {
    return new String(bytes, UTF_8);
  }
}
