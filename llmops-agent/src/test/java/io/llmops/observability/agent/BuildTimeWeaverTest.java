package io.llmops.observability.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.llmops.observability.Llmops;
import io.llmops.observability.TraceManager;
import io.llmops.observability.agent.fixtures.buildtime.Assistant;
import io.llmops.observability.agent.fixtures.buildtime.Unannotated;
import io.llmops.observability.agent.fixtures.buildtime.WovenAssistant;
import io.llmops.observability.agent.internal.BuildTimeWeaver;
import io.llmops.observability.agent.testing.WovenClassLoader;
import io.llmops.observability.spi.Weaving;
import io.llmops.observability.testing.CollectingSink;
import io.llmops.observability.testing.DecodedTraces;
import io.llmops.observability.testing.TestConfigs;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The annotation weaving run on a compiled class file, as llmops-maven-plugin runs it: the woven
 * class, loaded as it is (whether or not the agent is attached to this JVM, it leaves the class
 * alone), records the spans the agent records.
 */
class BuildTimeWeaverTest {

  private final CollectingSink sink = new CollectingSink();
  private Assistant assistant;

  @BeforeEach
  void loadTheWovenAssistant() throws ReflectiveOperationException {
    Llmops.configure(TestConfigs.isolated().addSink(sink).build());
    BuildTimeWeaver.Result woven = BuildTimeWeaver.weave(WovenClassLoader.compiled(WovenAssistant.class));
    assertThat(woven.methods()).isEqualTo(5);
    ClassLoader loader = new WovenClassLoader(Map.of(WovenAssistant.class.getName(), woven.classFile()));
    assistant = (Assistant) loader.loadClass(WovenAssistant.class.getName())
        .getDeclaredConstructor().newInstance();
  }

  @AfterEach
  void shutdownLlmops() {
    Llmops.shutdown(Duration.ofSeconds(5));
  }

  @Test
  void anAgentSpanNestsTheToolItCallsWithArgumentsAndOutput() {
    assertThat(assistant.plan("weather")).isEqualTo("plan for WEATHER");

    JsonNode trace = onlyTrace();
    JsonNode planner = span(trace, "planner");
    JsonNode lookup = span(trace, "lookup");
    assertThat(planner.get("span_type").asText()).isEqualTo("agent");
    assertThat(planner.at("/input_data/kwargs/question").asText()).isEqualTo("weather");
    assertThat(planner.at("/output_data/output").asText()).isEqualTo("plan for WEATHER");
    assertThat(lookup.get("span_type").asText()).isEqualTo("tool");
    assertThat(lookup.get("parent_span_id").asText()).isEqualTo(planner.get("span_id").asText());
    assertThat(Weaving.isActive()).as("the first woven call says something weaves").isTrue();
  }

  @Test
  void capturedLocalsAreRecordedAsTheAgentRecordsThem() {
    assertThat(assistant.budget(3)).isEqualTo(21);

    JsonNode locals = span(onlyTrace(), "budget").at("/input_data/locals");
    assertThat(locals.get("perItem").asInt()).isEqualTo(7);
    assertThat(locals.get("total").asInt()).isEqualTo(21);
    assertThat(locals.get("items").asInt()).isEqualTo(3);
  }

  @Test
  void anExceptionIsRethrownUnchangedAndMarksTheSpanFailed() {
    assertThatThrownBy(() -> assistant.fail("quota exceeded"))
        .isExactlyInstanceOf(IllegalStateException.class).hasMessage("quota exceeded");

    JsonNode span = span(onlyTrace(), "fail");
    assertThat(span.get("status").asText()).isEqualTo("error");
    assertThat(span.get("error").asText()).isEqualTo("java.lang.IllegalStateException: quota exceeded");
  }

  @Test
  void aReturnedStageEndsTheSpanWhenItCompletes() {
    CompletableFuture<String> source = new CompletableFuture<>();
    TraceManager.startTrace("async");
    CompletionStage<String> result = assistant.later(source);
    TraceManager.endTrace();
    assertThat(traces()).as("the trace waits for the open span").isEmpty();

    source.complete("answer");
    assertThat(result.toCompletableFuture().join()).isEqualTo("got answer");

    assertThat(span(onlyTrace(), "later").at("/output_data/output").asText()).isEqualTo("got answer");
  }

  @Test
  void weavingAWovenClassAgainChangesNothing() {
    byte[] once = BuildTimeWeaver.weave(WovenClassLoader.compiled(WovenAssistant.class)).classFile();

    assertThat(BuildTimeWeaver.weave(once)).isEqualTo(new BuildTimeWeaver.Result(null, 0, null));
  }

  @Test
  void aClassWithoutAnnotationsIsLeftAsItIs() {
    assertThat(BuildTimeWeaver.weave(WovenClassLoader.compiled(Unannotated.class)))
        .isEqualTo(new BuildTimeWeaver.Result(null, 0, null));
  }

  @Test
  void aClassFileOlderThanJava11IsLeftAsItIsWithTheReason() {
    byte[] classFile = WovenClassLoader.compiled(WovenAssistant.class);
    classFile[7] = 52; // the major version's low byte: Java 8

    BuildTimeWeaver.Result result = BuildTimeWeaver.weave(classFile);

    assertThat(result.classFile()).isNull();
    assertThat(result.notWoven()).contains("version 52 is older than 55 (Java 11)");
  }

  private List<JsonNode> traces() {
    assertThat(Llmops.flush(Duration.ofSeconds(10))).isTrue();
    return DecodedTraces.of(sink.messages());
  }

  private JsonNode onlyTrace() {
    List<JsonNode> traces = traces();
    assertThat(traces).hasSize(1);
    return traces.get(0);
  }

  private static JsonNode span(JsonNode trace, String name) {
    return DecodedTraces.spansByName(trace).get(name);
  }
}
