package io.llmops.observability.testing;

import io.llmops.observability.Llmops;
import java.time.Duration;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Gives each test a fresh SDK runtime, isolated from the machine's configuration, exporting to a
 * {@link CollectingSink}; shuts it down afterwards.
 *
 * <pre>{@code
 * @RegisterExtension final TracingHarness tracing = new TracingHarness();
 * }</pre>
 */
public final class TracingHarness implements BeforeEachCallback, AfterEachCallback {

  private final CollectingSink sink = new CollectingSink();

  public CollectingSink sink() {
    return sink;
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    Llmops.configure(TestConfigs.isolated().addSink(sink).build());
  }

  @Override
  public void afterEach(ExtensionContext context) {
    Llmops.shutdown(Duration.ofSeconds(5));
  }
}
