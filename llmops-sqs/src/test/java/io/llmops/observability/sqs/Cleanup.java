package io.llmops.observability.sqs;

import io.llmops.observability.Llmops;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * After each test: shuts the SDK down, then closes what the test registered (servers, proxies,
 * child processes), last registered first. Use with {@code @RegisterExtension}.
 */
final class Cleanup implements AfterEachCallback {

  private final List<AutoCloseable> resources = new ArrayList<>();

  /** Registers {@code resource} to be closed after the test; returns it. */
  <T extends AutoCloseable> T add(T resource) {
    resources.add(resource);
    return resource;
  }

  @Override
  public void afterEach(ExtensionContext context) throws Exception {
    Llmops.shutdown(Duration.ofSeconds(5));
    for (int i = resources.size() - 1; i >= 0; i--) {
      resources.get(i).close();
    }
    resources.clear();
  }
}
