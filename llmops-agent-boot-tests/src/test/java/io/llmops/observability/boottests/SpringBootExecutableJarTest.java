package io.llmops.observability.boottests;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.llmops.observability.testing.FileSinkFolder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A Spring Boot executable jar run with {@code -javaagent}: the application's classes, and its
 * {@code llmops-core} when it has one, sit in Boot's own class loader, yet its annotated beans,
 * {@code @Async} method and {@code CompletableFuture} chain give the trace that the same beans
 * give on a flat class path, read back from the file sink's folder.
 */
class SpringBootExecutableJarTest {

  @TempDir static Path flatWork;
  private static @Nullable List<String> flatShape;

  @TempDir Path work;

  @Test
  void theBeansOnAFlatClassPathGiveOneTraceOfTheAssistantPerQuestion() throws Exception {
    Path traces = work.resolve("traces");

    String printed = FixtureJvm.flatClassPath(work, "Paris", "Oslo",
        "--fixture.llmops.folder=" + traces);

    assertThat(printed).contains("answer=answer to Paris / sunny in Paris / 3 pages about Paris");
    List<JsonNode> written = FileSinkFolder.traces(traces);
    assertThat(written).as("traces; the JVM printed:\n%s", printed).hasSize(2);
    written.forEach(trace -> AssistantTrace.assertShape(trace, "boot-app"));
    assertThat(written).extracting(AssistantTrace::question).containsExactlyInAnyOrder("Paris", "Oslo");
    assertThat(FixtureJvm.llmopsWarnings(printed)).isEmpty();
  }

  @Test
  void anExecutableJarWithItsOwnCoreGivesTheFlatTraceThroughItsOwnConfiguration() throws Exception {
    Path traces = work.resolve("traces");
    assertGivesTheFlatTrace("boot.fixture.with.core", Map.of(), traces, "boot-app",
        "--fixture.llmops.folder=" + traces);
  }

  @Test
  void anExecutableJarWithoutTheCoreGivesTheFlatTraceThroughTheAgentsOwnCore() throws Exception {
    Path traces = work.resolve("traces");
    assertGivesTheFlatTrace("boot.fixture.agent.only", Map.of("LLMOPS_PROJECT_ID", "agent-only",
        "LLMOPS_SINKS", "file", "LLMOPS_FILE_SINK_DIR", traces.toString()), traces, "agent-only");
  }

  /**
   * Runs the executable jar named by the system property {@code jarProperty} with
   * {@code environment}, asking "Paris": its one trace in {@code traces}, of project
   * {@code project}, has the span tree of the flat class path's.
   */
  private void assertGivesTheFlatTrace(String jarProperty, Map<String, String> environment,
      Path traces, String project, String... options) throws Exception {
    List<String> args = new ArrayList<>(List.of(options));
    args.add(0, "Paris");
    String printed = FixtureJvm.executableJar(work, Path.of(System.getProperty(jarProperty)),
        environment, args.toArray(String[]::new));

    JsonNode trace = onlyTrace(traces, printed);
    AssistantTrace.assertShape(trace, project);
    assertThat(AssistantTrace.shape(trace)).isEqualTo(flatShape());
    assertThat(FixtureJvm.llmopsWarnings(printed)).isEmpty();
  }

  /** The span tree of the same question asked of the same beans on a flat class path; run once. */
  private static synchronized List<String> flatShape() throws Exception {
    if (flatShape == null) {
      Path traces = flatWork.resolve("traces");
      String printed = FixtureJvm.flatClassPath(flatWork, "Paris", "--fixture.llmops.folder=" + traces);
      flatShape = AssistantTrace.shape(onlyTrace(traces, printed));
    }
    return flatShape;
  }

  private static JsonNode onlyTrace(Path traces, String printed) throws Exception {
    List<JsonNode> written = FileSinkFolder.traces(traces);
    assertThat(written).as("traces; the JVM printed:\n%s", printed).hasSize(1);
    return written.get(0);
  }
}
