package io.llmops.observability.processor;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalFolderStoreTest {

  @TempDir Path folder;

  @Test
  void createsAnObjectOnlyWhenTheKeyIsFree() throws Exception {
    LocalFolderStore store = new LocalFolderStore(folder);

    assertThat(store.createIfAbsent("claims/t1", bytes("first"))).isTrue();
    assertThat(store.createIfAbsent("claims/t1", bytes("second"))).isFalse();

    assertThat(text(store.get("claims/t1").orElseThrow().content())).isEqualTo("first");
  }

  @Test
  void oneOfManyConcurrentCreatorsWinsAcrossStoresOnOneFolder() throws Exception {
    List<LocalFolderStore> stores = new ArrayList<>();
    for (int i = 0; i < 16; i++) {
      stores.add(new LocalFolderStore(folder));
    }
    assertThat(ConcurrentCreators.winners(stores, "claims/race")).isEqualTo(1);
  }

  @Test
  void replacesOnlyTheVersionThatWasRead() throws Exception {
    LocalFolderStore store = new LocalFolderStore(folder);
    store.put("state/t1", bytes("v1"));
    String read = store.get("state/t1").orElseThrow().version();

    assertThat(store.replaceIfUnchanged("state/t1", bytes("v2"), read)).isTrue();
    assertThat(store.replaceIfUnchanged("state/t1", bytes("v3"), read)).isFalse();
    assertThat(store.replaceIfUnchanged("state/absent", bytes("v1"), read)).isFalse();

    assertThat(text(store.get("state/t1").orElseThrow().content())).isEqualTo("v2");
  }

  @Test
  void concurrentReadModifyWriteLoopsLoseNoUpdate() throws Exception {
    new LocalFolderStore(folder).put("counter", bytes("0"));
    List<Callable<Void>> incrementers = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      LocalFolderStore store = new LocalFolderStore(folder);
      incrementers.add(() -> {
        for (int n = 0; n < 25; n++) {
          while (true) {
            ObjectStore.StoredObject current = store.get("counter").orElseThrow();
            int next = Integer.parseInt(text(current.content())) + 1;
            if (store.replaceIfUnchanged("counter", bytes(Integer.toString(next)),
                current.version())) {
              break;
            }
          }
        }
        return null;
      });
    }
    ExecutorService threads = Executors.newFixedThreadPool(4);
    try {
      for (Future<Void> done : threads.invokeAll(incrementers)) {
        done.get();
      }
    } finally {
      threads.shutdownNow();
    }

    assertThat(text(new LocalFolderStore(folder).get("counter").orElseThrow().content()))
        .isEqualTo("100");
  }

  @Test
  void listsKeysUnderAPrefixInOrderAndNothingOfItsOwnWork() throws Exception {
    LocalFolderStore store = new LocalFolderStore(folder);
    store.put("child_traces/t1/s2.json", bytes("b"));
    store.put("child_traces/t1/s1.json", bytes("a"));
    store.put("child_traces/t2/s1.json", bytes("c"));
    store.replaceIfUnchanged("child_traces/t2/s1.json", bytes("d"),
        store.get("child_traces/t2/s1.json").orElseThrow().version());

    assertThat(store.list("child_traces/t1/"))
        .containsExactly("child_traces/t1/s1.json", "child_traces/t1/s2.json");
    assertThat(store.list("")).hasSize(3);
  }

  @Test
  void listsWhileOtherWritersCreateAndDeleteObjectsAroundIt() throws Exception {
    LocalFolderStore store = new LocalFolderStore(folder);
    store.put("child_traces/t1/s1.json", bytes("a"));
    ExecutorService churn = Executors.newSingleThreadExecutor();
    java.util.concurrent.atomic.AtomicBoolean stop = new java.util.concurrent.atomic.AtomicBoolean();
    Future<?> writer = churn.submit(() -> {
      LocalFolderStore other = new LocalFolderStore(folder);
      for (int i = 0; !stop.get(); i++) {
        other.put("pending/t" + i + "/piece", bytes("x"));
        other.delete("pending/t" + i + "/piece");
        other.createIfAbsent("claims/t" + i, bytes("x"));
        other.delete("claims/t" + i);
      }
      return null;
    });
    try {
      for (int i = 0; i < 300; i++) {
        assertThat(store.list("child_traces/")).containsExactly("child_traces/t1/s1.json");
        store.list("");
      }
    } finally {
      stop.set(true);
      writer.get();
      churn.shutdownNow();
    }
  }

  @Test
  void deletesAndReadsNothingWhereNothingIs() throws Exception {
    LocalFolderStore store = new LocalFolderStore(folder);
    store.put("a/b", bytes("x"));

    store.delete("a/b");
    store.delete("a/b");

    assertThat(store.get("a/b")).isEmpty();
    assertThat(new LocalFolderStore(folder.resolve("never-made")).list("")).isEmpty();
  }

  @Test
  void refusesKeysThatLeaveTheFolderNamingTheKey() {
    LocalFolderStore store = new LocalFolderStore(folder);

    for (String key : new String[] {"../escape", "a/../../b", "/absolute", "a//b", ".work/lock",
        "spaces in key", ""}) {
      assertThatThrownBy(() -> store.put(key, bytes("x")))
          .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("key");
    }
    assertThatThrownBy(() -> new LocalFolderStore(null))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("root");
  }

  private static byte[] bytes(String text) {
    return text.getBytes(UTF_8);
  }

  private static String text(byte[] bytes) {
    return new String(bytes, UTF_8);
  }
}
