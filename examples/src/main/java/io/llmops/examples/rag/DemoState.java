package io.llmops.examples.rag;

import java.nio.file.Path;

/**
 * Where the demo keeps what it leaves on disk (the spillover journal, trace files): never the
 * directory it is run from. {@code ./llmops demo} passes {@code examples/target/demo-state} of
 * the checkout (build output, removed by {@code mvn clean}); run otherwise, the demo uses
 * {@code ~/.cache/llmops/demo}.
 */
final class DemoState {

  /** The system property the launcher sets. */
  static final String PROPERTY = "demo.state.dir";

  private DemoState() {}

  static Path dir() {
    String chosen = System.getProperty(PROPERTY);
    if (chosen != null && !chosen.isBlank()) {
      return Path.of(chosen).toAbsolutePath();
    }
    return Path.of(System.getProperty("user.home"), ".cache", "llmops", "demo");
  }
}
