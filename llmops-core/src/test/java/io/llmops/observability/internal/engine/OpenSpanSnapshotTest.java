package io.llmops.observability.internal.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.llmops.observability.Llmops;
import io.llmops.observability.internal.model.SpanData;
import io.llmops.observability.testing.TracingHarness;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A span still open when its trace is sent is exported as it was at that moment: what it
 * records afterwards (until its late end) changes nothing the export worker reads.
 */
class OpenSpanSnapshotTest {

  @RegisterExtension final TracingHarness tracing = new TracingHarness();

  @Test
  void theSnapshotOfAnOpenSpanDoesNotChangeWithIt() {
    SpanState span = (SpanState) Llmops.span("pending").startDetached();
    span.setInput("before", 1);
    span.setLocal("local", "x");
    span.addTag("early");
    SpanData snapshot = span.openSnapshot(0);

    span.setInput("after", 2);
    span.setLocal("later", "y");
    span.addTag("late");
    span.setMetadata("later", true);

    assertThat(snapshot.kwargs()).containsOnlyKeys("before");
    assertThat(snapshot.locals()).containsOnlyKeys("local");
    assertThat(snapshot.tags()).containsExactly("early");
    assertThat(snapshot.metadata()).containsOnlyKeys("llmops.open");
    span.end();
  }
}
