package io.llmops.observability.agent.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.llmops.observability.Llmops;
import io.llmops.observability.agent.LlmopsAgent;
import io.llmops.observability.testing.CollectingSink;
import io.llmops.observability.testing.TestConfigs;
import io.llmops.observability.testing.WireDecoder;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * Base of the agent tests: the agent is installed (self-attach) before the first test runs, and
 * each test gets a fresh configuration whose traces land in {@link #sink}.
 */
public abstract class AgentTest {

  static {
    if (!LlmopsAgent.install()) {
      throw new IllegalStateException("the agent could not attach to the test JVM");
    }
  }

  protected final CollectingSink sink = new CollectingSink();

  @BeforeEach
  void configureLlmops() {
    Llmops.configure(TestConfigs.isolated().defaultModelId("default-model").addSink(sink).build());
  }

  /** Configures again, as before each test but with {@code LLMOPS_FINALIZE_GRACE} in seconds. */
  protected void configureFinalizeGrace(String seconds) {
    Llmops.configure(TestConfigs.isolated().defaultModelId("default-model")
        .set("LLMOPS_FINALIZE_GRACE", seconds).addSink(sink).build());
  }

  /** Waits until {@code count} traces have reached the sink. */
  protected void awaitTraces(int count) {
    org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30))
        .until(() -> sink.messages().size() >= count);
  }

  @AfterEach
  void shutdownLlmops() {
    Llmops.shutdown(Duration.ofSeconds(5));
  }

  /** Every trace sent so far, decoded. */
  protected List<JsonNode> traces() {
    assertThat(Llmops.flush(Duration.ofSeconds(10))).isTrue();
    List<JsonNode> traces = new ArrayList<>();
    sink.messages().forEach(message -> traces.add(WireDecoder.trace(message.body())));
    return traces;
  }

  /** The only trace sent so far. */
  protected JsonNode onlyTrace() {
    List<JsonNode> traces = traces();
    assertThat(traces).hasSize(1);
    return traces.get(0);
  }

  /** The span of the only trace named {@code name}. */
  protected JsonNode span(String name) {
    return span(onlyTrace(), name);
  }

  protected static JsonNode span(JsonNode trace, String name) {
    for (JsonNode span : trace.get("spans")) {
      if (span.get("span_name").asText().equals(name)) {
        return span;
      }
    }
    throw new AssertionError("no span named " + name + " in " + trace.toPrettyString());
  }
}
