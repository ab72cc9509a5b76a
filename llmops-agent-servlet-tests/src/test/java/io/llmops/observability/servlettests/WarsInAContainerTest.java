package io.llmops.observability.servlettests;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.llmops.observability.testing.FileSinkFolder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;

/**
 * A WAR in a container whose JVM runs the agent: each request to {@code /ask} becomes one trace
 * of the assistant's span tree, whether the application carries {@code llmops-core} or not.
 * Each container's test extends this one.
 */
abstract class WarsInAContainerTest {

  /** Kept under target/ after the run: the WARs, the trace folders and the server's log. */
  Path work;

  abstract ServerJvm.Container container();

  @BeforeEach
  void freshWorkFolder(TestInfo test) throws IOException {
    work = Path.of("target", "wars", getClass().getSimpleName(),
        test.getTestMethod().orElseThrow().getName()).toAbsolutePath();
    if (Files.exists(work)) {
      try (var files = Files.walk(work)) {
        for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
          Files.delete(file);
        }
      }
    }
    Files.createDirectories(work);
  }

  @Test
  void aWarWithItsOwnCoreIsTracedThroughThatCoreAndItsConfiguration() throws Exception {
    Path traces = work.resolve("traces");
    Path war = ExplodedWar.withCore(work.resolve("shop"), "shop", traces);

    ServerJvm server = ServerJvm.start(container(), work, Map.of(), Map.of("/shop", war));
    assertThat(server.get("/shop/ask?q=Paris")).startsWith("answer to Paris");
    String log = server.stop();

    List<JsonNode> written = FileSinkFolder.traces(traces);
    assertThat(written).as("traces; the server's log:\n%s", log).hasSize(1);
    AssistantTrace.assertShape(written.get(0), "shop");
    assertThat(ServerLog.llmopsWarnings(log)).isEmpty();
    assertThat(ServerLog.llmopsThreadsLeftRunning(log)).isEmpty();
  }

  @Test
  void aWarWithoutTheCoreIsTracedThroughTheAgentsOwnCopy() throws Exception {
    Path traces = work.resolve("traces");
    Path war = ExplodedWar.agentOnly(work.resolve("shop"));

    ServerJvm server = ServerJvm.start(container(), work, Map.of(
        "LLMOPS_PROJECT_ID", "agent-only", "LLMOPS_SINKS", "file",
        "LLMOPS_FILE_SINK_DIR", traces.toString()), Map.of("/shop", war));
    assertThat(server.get("/shop/ask?q=Paris")).startsWith("answer to Paris");
    String log = server.stop();

    List<JsonNode> written = FileSinkFolder.traces(traces);
    assertThat(written).as("traces; the server's log:\n%s", log).hasSize(1);
    AssistantTrace.assertShape(written.get(0), "agent-only");
    assertThat(ServerLog.llmopsWarnings(log)).isEmpty();
  }

  @Test
  void aWarUsingACoreOnTheServersClassPathIsTracedThroughIt() throws Exception {
    Path traces = work.resolve("traces");
    Path war = ExplodedWar.agentOnly(work.resolve("shop"));

    ServerJvm server = ServerJvm.start(container(), work, Map.of(
        "LLMOPS_PROJECT_ID", "shared-core", "LLMOPS_SINKS", "file",
        "LLMOPS_FILE_SINK_DIR", traces.toString()), Map.of("/shop", war), ExplodedWar.coreJars());
    assertThat(server.get("/shop/ask?q=Paris")).startsWith("answer to Paris");
    String log = server.stop();

    List<JsonNode> written = FileSinkFolder.traces(traces);
    assertThat(written).as("traces; the server's log:\n%s", log).hasSize(1);
    AssistantTrace.assertShape(written.get(0), "shared-core");
    assertThat(ServerLog.llmopsWarnings(log)).isEmpty();
    assertThat(ServerLog.llmopsThreadsLeftRunning(log)).isEmpty();
  }

  @Test
  void twoWarsWithTheirOwnCoreKeepTheirTracesAndConfigurationApart() throws Exception {
    Path shopTraces = work.resolve("shop-traces");
    Path bankTraces = work.resolve("bank-traces");
    Map<String, Path> webApps = new LinkedHashMap<>();
    webApps.put("/shop", ExplodedWar.withCore(work.resolve("shop"), "shop", shopTraces));
    webApps.put("/bank", ExplodedWar.withCore(work.resolve("bank"), "bank", bankTraces));

    ServerJvm server = ServerJvm.start(container(), work, Map.of(), webApps);
    server.get("/shop/ask?q=Paris");
    server.get("/bank/ask?q=Rome");
    server.get("/shop/ask?q=Oslo");
    String log = server.stop();

    List<JsonNode> shop = FileSinkFolder.traces(shopTraces);
    List<JsonNode> bank = FileSinkFolder.traces(bankTraces);
    assertThat(shop).as("shop's traces; the server's log:\n%s", log).hasSize(2);
    assertThat(bank).as("bank's traces; the server's log:\n%s", log).hasSize(1);
    shop.forEach(trace -> AssistantTrace.assertShape(trace, "shop"));
    bank.forEach(trace -> AssistantTrace.assertShape(trace, "bank"));
    assertThat(shop).extracting(AssistantTrace::question).containsExactlyInAnyOrder("Paris", "Oslo");
    assertThat(bank).extracting(AssistantTrace::question).containsExactly("Rome");
    assertThat(ServerLog.llmopsWarnings(log)).isEmpty();
    assertThat(ServerLog.llmopsThreadsLeftRunning(log)).isEmpty();
  }
}
