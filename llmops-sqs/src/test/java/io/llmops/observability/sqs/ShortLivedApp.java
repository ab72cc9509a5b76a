package io.llmops.observability.sqs;

import io.llmops.observability.Llmops;
import java.nio.file.Path;

/**
 * A child JVM that lives a moment: it sends {@code count} traces to the queue URL through the
 * public API and returns from {@code main} without shutting the SDK down (its exit hook does).
 * Arguments: queue URL, spillover directory, count.
 */
public final class ShortLivedApp {

  private ShortLivedApp() {}

  public static void main(String[] args) {
    Llmops.configure(SqsTesting.config(args[0], Path.of(args[1])).sinks("sqs").build());
    for (int i = 0; i < Integer.parseInt(args[2]); i++) {
      SqsTesting.sendTrace(i);
    }
  }
}
