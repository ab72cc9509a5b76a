package io.llmops.observability.agent;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.llmops.observability.TraceManager;
import io.llmops.observability.agent.fixtures.Labelled;
import io.llmops.observability.agent.testing.AgentTest;
import io.llmops.observability.testing.SchemaValidator;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The {@code tags} and {@code metadata} attributes of every annotation, as exported. */
class AnnotationTagsAndMetadataTest extends AgentTest {

  private final Labelled labelled = new Labelled();

  @Test
  void everyAnnotationsTagsBecomeTheSpansTagsTrimmedAndEachOnce() {
    TraceManager.startTrace("tags");
    labelled.function();
    labelled.call("q");
    labelled.agent();
    labelled.tool();
    labelled.transaction();
    TraceManager.endTrace();

    JsonNode trace = onlyTrace();
    assertThat(tags(span(trace, "function"))).containsExactly("rag", "retrieval", "experiment-7");
    assertThat(tags(span(trace, "call"))).containsExactly("llm");
    assertThat(tags(span(trace, "agent"))).containsExactly("agent", "planner");
    assertThat(tags(span(trace, "tool"))).containsExactly("tool");
    assertThat(tags(span(trace, "transaction"))).containsExactly("ledger");
    assertThat(SchemaValidator.validateTrace(trace)).isEmpty();
  }

  @Test
  void aBlankTagIsSkipped() {
    TraceManager.startTrace("blank");
    new Labelled.BlankTag().blank();
    TraceManager.endTrace();

    assertThat(tags(span("blank"))).containsExactly("kept");
  }

  @Test
  void metadataNumbersAndBooleansArriveTypedAndEverythingElseAsTheStringWritten() {
    TraceManager.startTrace("typed");
    labelled.typed();
    labelled.typedGeneration("q");
    TraceManager.endTrace();

    JsonNode trace = onlyTrace();
    JsonNode metadata = span(trace, "typed").get("metadata");
    assertThat(metadata.get("temperature").isDouble()).isTrue();
    assertThat(metadata.get("temperature").doubleValue()).isEqualTo(0.7);
    assertThat(metadata.get("max_tokens").isIntegralNumber()).isTrue();
    assertThat(metadata.get("max_tokens").longValue()).isEqualTo(512);
    assertThat(metadata.get("offset").longValue()).isEqualTo(-3);
    assertThat(metadata.get("scientific").isDouble()).isTrue();
    assertThat(metadata.get("scientific").doubleValue()).isEqualTo(1000.0);
    assertThat(metadata.get("streaming").isBoolean()).isTrue();
    assertThat(metadata.get("streaming").booleanValue()).isTrue();
    assertThat(metadata.get("cached").isBoolean()).isTrue();
    assertThat(metadata.get("cached").booleanValue()).isFalse();
    assertThat(metadata.get("capitalised").textValue()).isEqualTo("True");
    assertThat(metadata.get("zip").textValue()).isEqualTo("007");
    assertThat(metadata.get("pi").textValue()).isEqualTo("3.14159265358979323846");
    assertThat(metadata.get("overflow").textValue()).isEqualTo("1e400");
    assertThat(metadata.get("not_a_number").textValue()).isEqualTo("NaN");
    assertThat(metadata.get("version").textValue()).isEqualTo("2.10");
    assertThat(metadata.get("flag").textValue()).isEqualTo("true");
    assertThat(metadata.get("padded").longValue()).isEqualTo(42);
    assertThat(metadata.get("empty").textValue()).isEmpty();
    assertThat(metadata.get("service").textValue()).isEqualTo("auth");
    assertThat(metadata.has("")).as("an entry with a blank key is skipped").isFalse();
    // a card number stays a string, so the exports' redaction still masks it
    assertThat(metadata.get("card").isTextual()).isTrue();
    assertThat(trace.toString()).doesNotContain("4111111111111111");

    JsonNode generation = span(trace, "typedGeneration").get("metadata");
    assertThat(generation.get("temperature").doubleValue()).isEqualTo(0.2);
    assertThat(generation.get("stream").isBoolean()).isTrue();
    assertThat(SchemaValidator.validateTrace(trace)).isEmpty();
  }

  private static List<String> tags(JsonNode span) {
    List<String> tags = new ArrayList<>();
    span.get("tags").forEach(tag -> tags.add(tag.asText()));
    return tags;
  }
}
