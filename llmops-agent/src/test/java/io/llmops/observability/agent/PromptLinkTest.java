package io.llmops.observability.agent;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.llmops.observability.TraceManager;
import io.llmops.observability.agent.fixtures.PromptLinked;
import io.llmops.observability.agent.testing.AgentTest;
import io.llmops.observability.testing.SchemaValidator;
import org.junit.jupiter.api.Test;

/** {@code @TrackLlmCall(promptName, promptVersion)}, woven, as exported. */
class PromptLinkTest extends AgentTest {

  private final PromptLinked calls = new PromptLinked();

  @Test
  void theGenerationNamesThePromptAsTheProgrammaticApiRecordsIt() {
    TraceManager.startTrace("linked");
    calls.linked("q");
    calls.padded("q");
    TraceManager.endTrace();

    JsonNode trace = onlyTrace();
    JsonNode linked = span(trace, "linked").get("metadata");
    assertThat(linked.get("prompt.name").textValue()).isEqualTo("qa-system");
    assertThat(linked.get("prompt.version").isIntegralNumber()).isTrue();
    assertThat(linked.get("prompt.version").intValue()).isEqualTo(3);
    JsonNode padded = span(trace, "padded").get("metadata");
    assertThat(padded.get("prompt.name").textValue()).isEqualTo("qa-system");
    assertThat(padded.get("prompt.version").intValue()).isEqualTo(2);
    assertThat(SchemaValidator.validateTrace(trace)).isEmpty();
  }

  @Test
  void aLinkMissingItsNameOrAValidVersionIsLeftOutAndTheCallIsStillRecorded() {
    TraceManager.startTrace("partial");
    calls.withoutVersion("q");
    calls.withoutName("q");
    calls.blankName("q");
    calls.negativeVersion("q");
    calls.unlinked("q");
    TraceManager.endTrace();

    JsonNode trace = onlyTrace();
    for (String name : new String[] {
        "withoutVersion", "withoutName", "blankName", "negativeVersion", "unlinked"}) {
      JsonNode metadata = span(trace, name).get("metadata");
      assertThat(metadata.has("prompt.name")).as(name).isFalse();
      assertThat(metadata.has("prompt.version")).as(name).isFalse();
      assertThat(span(trace, name).get("response").textValue()).as(name).isEqualTo("answer");
    }
  }
}
