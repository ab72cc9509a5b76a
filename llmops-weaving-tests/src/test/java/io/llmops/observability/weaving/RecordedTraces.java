package io.llmops.observability.weaving;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.llmops.observability.Llmops;
import io.llmops.observability.testing.CollectingSink;
import io.llmops.observability.testing.DecodedTraces;
import io.llmops.observability.testing.TestConfigs;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;

/** The traces the application sends, decoded from the wire format, for one test. */
final class RecordedTraces {

  private final CollectingSink sink = new CollectingSink();

  RecordedTraces() {
    Llmops.configure(TestConfigs.isolated().defaultModelId("default-model").addSink(sink).build());
  }

  void close() {
    Llmops.shutdown(Duration.ofSeconds(5));
  }

  List<JsonNode> all() {
    assertThat(Llmops.flush(Duration.ofSeconds(10))).isTrue();
    return new ArrayList<>(DecodedTraces.of(sink.messages()));
  }

  JsonNode only() {
    List<JsonNode> traces = all();
    assertThat(traces).hasSize(1);
    return traces.get(0);
  }

  void await(int count) {
    Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> sink.messages().size() >= count);
  }

  /** The spans of {@code trace} by name; a name recorded twice fails the test. */
  static Map<String, JsonNode> spansByName(JsonNode trace) {
    return DecodedTraces.spansByName(trace);
  }
}
