package io.llmops.observability.httpserver.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.llmops.observability.Llmops;
import io.llmops.observability.testing.CollectingSink;
import io.llmops.observability.testing.DecodedTraces;
import java.time.Duration;
import java.util.List;

/**
 * The traces a server sent: a server ends a request's trace after its client has the response,
 * so tests wait for them to arrive.
 */
public final class ServerTraces {

  private ServerTraces() {}

  /** Waits until {@code count} traces arrived, checks no more did, and decodes them. */
  public static List<JsonNode> await(CollectingSink sink, int count) {
    org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> {
      Llmops.flush(Duration.ofSeconds(1));
      return sink.messages().size() >= count;
    });
    assertThat(sink.messages()).hasSize(count);
    return DecodedTraces.of(sink.messages());
  }

  /** Waits for the one trace a request made. */
  public static JsonNode awaitOne(CollectingSink sink) {
    return await(sink, 1).get(0);
  }
}
