package io.llmops.observability.processor;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** Races several stores (as several processors would be) to create one key at once. */
public final class ConcurrentCreators {

  private ConcurrentCreators() {}

  /** How many of {@code stores}, each creating {@code key} at the same time, saw it created. */
  public static long winners(List<? extends ObjectStore> stores, String key) throws Exception {
    List<Callable<Boolean>> creators = new ArrayList<>();
    for (int i = 0; i < stores.size(); i++) {
      ObjectStore store = stores.get(i);
      byte[] content = ("writer " + i).getBytes(StandardCharsets.UTF_8);
      creators.add(() -> store.createIfAbsent(key, content));
    }
    ExecutorService threads = Executors.newFixedThreadPool(8);
    try {
      long winners = 0;
      for (Future<Boolean> created : threads.invokeAll(creators)) {
        winners += created.get() ? 1 : 0;
      }
      return winners;
    } finally {
      threads.shutdownNow();
    }
  }
}
