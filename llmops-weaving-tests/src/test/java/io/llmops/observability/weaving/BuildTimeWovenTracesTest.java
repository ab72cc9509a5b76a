package io.llmops.observability.weaving;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.llmops.observability.spi.Weaving;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The application's classes were woven by llmops-maven-plugin when this module was built; no
 * agent runs in this JVM: the annotations record all the same.
 */
class BuildTimeWovenTracesTest {

  private final RecordedTraces traces = new RecordedTraces();

  @AfterEach
  void close() {
    traces.close();
  }

  @Test
  void theClassesWereWovenAtBuildTimeAndNoAgentRuns() {
    assertThat(Weaving.wovenAtBuildTime(SupportAgent.class)).isTrue();
    assertThat(Weaving.wovenAtBuildTime(TestSteps.class)).as("the test classes too").isTrue();
    assertThat(Weaving.wovenAtBuildTime(RecordedTraces.class)).as("no annotation").isFalse();
    assertThat(Weaving.activeBy()).isIn(null, Weaving.BUILD_TIME);
  }

  @Test
  void anAgentNestsItsToolAndItsPricedGeneration() {
    WovenScenarios.anAgentNestsItsToolAndItsPricedGeneration(traces);
    assertThat(Weaving.activeBy()).isEqualTo(Weaving.BUILD_TIME);
  }

  @Test
  void anExternalCallAndItsHandlerMakeOneTraceInTwoSegments() throws Exception {
    WovenScenarios.anExternalCallAndItsHandlerMakeOneTraceInTwoSegments(traces);
  }

  @Test
  void reactivePublishersEndTheirSpansWhenTheyComplete() {
    WovenScenarios.reactivePublishersEndTheirSpansWhenTheyComplete(traces);
  }

  @Test
  void aWovenTestClassRecordsItsLocals() {
    assertThat(TestSteps.prepare("orders")).isEqualTo("fixture orders");

    JsonNode span = RecordedTraces.spansByName(traces.only()).get("prepare_fixture");
    assertThat(span.at("/input_data/locals/prepared").asText()).isEqualTo("fixture orders");
  }
}
