package io.llmops.observability.weaving;

import static org.assertj.core.api.Assertions.assertThat;

import io.llmops.observability.agent.LlmopsAgent;
import io.llmops.observability.spi.Weaving;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The same application with the agent installed too (a JVM of its own): the agent leaves the
 * classes woven at build time alone, and each span is recorded once.
 */
class BuildTimeWovenWithTheAgentTest {

  static {
    if (!LlmopsAgent.install()) {
      throw new IllegalStateException("the agent could not attach to the test JVM");
    }
  }

  private final RecordedTraces traces = new RecordedTraces();

  @AfterEach
  void close() {
    traces.close();
  }

  @Test
  void anAgentNestsItsToolAndItsPricedGenerationEachOnce() {
    WovenScenarios.anAgentNestsItsToolAndItsPricedGeneration(traces);
    assertThat(Weaving.activeBy()).isEqualTo("llmops-agent");
  }

  @Test
  void anExternalCallAndItsHandlerMakeOneTraceInTwoSegmentsEachSpanOnce() throws Exception {
    WovenScenarios.anExternalCallAndItsHandlerMakeOneTraceInTwoSegments(traces);
  }

  @Test
  void reactivePublishersEndTheirSpansOnce() {
    WovenScenarios.reactivePublishersEndTheirSpansWhenTheyComplete(traces);
  }
}
