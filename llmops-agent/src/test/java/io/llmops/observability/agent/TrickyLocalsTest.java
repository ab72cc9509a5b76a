package io.llmops.observability.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.llmops.observability.TraceManager;
import io.llmops.observability.agent.fixtures.TrickyLocals;
import io.llmops.observability.agent.testing.AgentTest;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * {@code captureLocals = "*"} on methods whose local variable slots are hard to read: the class
 * loads, every method runs as written, and each return or throw records the locals that are
 * assigned there, with the values they hold.
 */
class TrickyLocalsTest extends AgentTest {

  @Test
  void aClassWhoseConstructorsReuseASlotWithOtherTypesLoadsAndRuns() {
    assertThat(new TrickyLocals(false).label()).isEqualTo("long2.0");
    assertThat(new TrickyLocals().label()).isEqualTo("short1");
  }

  @Test
  void siblingScopesWithALongAndADoubleOfTheSameNameRecordTheOneInScope() {
    assertThat(localsOf(() -> TrickyLocals.siblingScopes(true))).isEqualTo("{flag=true, w=5}");
    assertThat(localsOf(() -> TrickyLocals.siblingScopes(false))).isEqualTo("{flag=false, w=2.5}");
  }

  @Test
  void threeBranchesWithAStringAnIntAndAnObjectOfTheSameNameRecordTheOneInScope() {
    assertThat(localsOf(() -> TrickyLocals.threeBranches(0))).isEqualTo("{branch=0, x=text}");
    assertThat(localsOf(() -> TrickyLocals.threeBranches(1))).isEqualTo("{branch=1, x=1}");
    assertThat(localsOf(() -> TrickyLocals.threeBranches(2))).isEqualTo("{branch=2, x=20}");
  }

  @Test
  void aLocalDeclaredAfterAReturnIsRecordedOnlyAtTheReturnsAfterIt() {
    assertThat(localsOf(() -> TrickyLocals.declaredAfterTheReturn(true))).isEqualTo("{early=true}");
    assertThat(localsOf(() -> TrickyLocals.declaredAfterTheReturn(false)))
        .isEqualTo("{early=false, later=2}");
  }

  @Test
  void intsReusingTheSlotsOfAnEndedLongAreRecordedAsInts() {
    assertThat(localsOf(() -> TrickyLocals.twoSlotTypes(3, 1.5)))
        .isEqualTo("{first=3, second=1.5, narrow=3, next=4}");
    assertThat(localsOf(() -> TrickyLocals.twoSlotTypes(-1, 0)))
        .isEqualTo("{first=-1, second=0.0, wide=-2}");
  }

  @Test
  void localsAssignedOnlyOnSomePathsAreRecordedWhereTheyAreAssigned() {
    assertThat(localsOf(() -> TrickyLocals.assignedOnSomePaths(true)))
        .isEqualTo("{assign=true, maybe=7, note=assigned}");
    assertThat(localsOf(() -> TrickyLocals.assignedOnSomePaths(false))).isEqualTo("{assign=false}");
  }

  @Test
  void aReturnInsideALoopRecordsTheLoopsLocals() {
    assertThat(localsOf(() -> TrickyLocals.loop(100)))
        .isEqualTo("{limit=100, sum=140, i=8, square=64}");
    assertThat(localsOf(() -> TrickyLocals.loop(3))).isEqualTo("{limit=3, sum=5}");
  }

  @Test
  void returnsThroughFinallyRecordTheValuesTheFinallyBlockLeft() {
    assertThat(localsOf(() -> TrickyLocals.tryCatchFinally(false)))
        .isEqualTo("{fail=false, stage=finally}");
    JsonNode caught = lastLocals(() -> TrickyLocals.tryCatchFinally(true));
    assertThat(caught.get("stage").asText()).isEqualTo("finally");
    assertThat(caught.get("note").asText()).isEqualTo("caught body");
  }

  @Test
  void eachSwitchCaseRecordsItsOwnLocal() {
    assertThat(localsOf(() -> TrickyLocals.switchCases(0))).isEqualTo("{selector=0, a=zero}");
    assertThat(localsOf(() -> TrickyLocals.switchCases(1))).isEqualTo("{selector=1, b=1}");
    assertThat(localsOf(() -> TrickyLocals.switchCases(2))).isEqualTo("{selector=2, c=2.0}");
  }

  @Test
  void aMethodWithALambdaRecordsItsOwnLocalsNotTheLambdas() {
    JsonNode locals = lastLocals(() -> TrickyLocals.lambda(4));
    assertThat(locals.get("seed").asInt()).isEqualTo(4);
    assertThat(locals.get("result").asText()).isEqualTo("value 8");
    assertThat(locals.has("inner")).isFalse();
  }

  @Test
  void aReturnInsideASynchronizedBlockRecordsTheBlocksLocals() {
    TrickyLocals instance = new TrickyLocals(true);
    assertThat(localsOf(() -> instance.synchronizedBlock(1))).isEqualTo("{amount=1, inside=2}");
    assertThat(localsOf(() -> instance.synchronizedBlock(-5)))
        .isEqualTo("{amount=-5, outside=-5.0}");
  }

  @Test
  void aThrowRecordsTheLocalsOfItsScopeAndTheExceptionIsUnchanged() {
    TraceManager.startTrace("throws");
    assertThatThrownBy(() -> TrickyLocals.throwsFromAScope(true))
        .isExactlyInstanceOf(IllegalArgumentException.class).hasMessage("code 42");
    TraceManager.endTrace();
    assertThat(text(span(onlyTrace(), "throwsFromAScope").at("/input_data/locals")))
        .isEqualTo("{fail=true, code=42}");
    assertThat(localsOf(() -> TrickyLocals.throwsFromAScope(false)))
        .isEqualTo("{fail=false, ratio=0.5}");
  }

  /** Runs one call of a woven method in a trace of its own; its span's locals, as text. */
  private String localsOf(Supplier<?> call) {
    return text(lastLocals(call));
  }

  private JsonNode lastLocals(Supplier<?> call) {
    TraceManager.startTrace("tricky");
    call.get();
    TraceManager.endTrace();
    List<JsonNode> traces = traces();
    JsonNode spans = traces.get(traces.size() - 1).get("spans");
    assertThat(spans).hasSize(1);
    return spans.get(0).at("/input_data/locals");
  }

  private static String text(JsonNode locals) {
    List<String> entries = new ArrayList<>();
    locals.fields().forEachRemaining(entry -> entries.add(entry.getKey() + "="
        + (entry.getValue().isTextual() ? entry.getValue().asText() : entry.getValue().toString())));
    return "{" + String.join(", ", entries) + "}";
  }
}
