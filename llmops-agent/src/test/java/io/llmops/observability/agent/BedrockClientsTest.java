package io.llmops.observability.agent;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.llmops.observability.agent.fixtures.BedrockCalls;
import io.llmops.observability.agent.fixtures.SdkClassLoader;
import io.llmops.observability.agent.internal.StartupStats;
import io.llmops.observability.agent.testing.AgentTest;
import io.llmops.observability.bedrock.FakeBedrockRuntime;
import io.llmops.observability.bedrock.GlobalBedrockInterceptor;
import io.llmops.observability.bedrock.LlmopsBedrockInterceptor;
import io.llmops.observability.bedrock.TestClients;
import io.llmops.observability.testing.CapturedLog;
import java.io.File;
import java.net.URI;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeAsyncClient;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeClient;

/**
 * The agent gives every Bedrock Runtime client llmops-bedrock's interceptor: real SDK clients,
 * built with nothing of llmops on their builder, against a local Bedrock Runtime.
 */
class BedrockClientsTest extends AgentTest {

  private static FakeBedrockRuntime bedrock;
  /** One for the class: closing a Netty client takes seconds. */
  private static BedrockRuntimeAsyncClient async;

  @BeforeAll
  static void start() throws Exception {
    bedrock = new FakeBedrockRuntime();
    BedrockCalls.script(bedrock);
    async = TestClients.async(bedrock.endpoint());
  }

  @AfterAll
  static void stop() {
    async.close();
    bedrock.close();
  }

  @AfterEach
  void globalSwitchOff() {
    System.clearProperty(GlobalBedrockInterceptor.SWITCH_PROPERTY);
  }

  @Test
  void aSyncClientBuiltWithoutTheInterceptorRecordsEachCall() {
    long given = StartupStats.bedrockClients();

    try (BedrockRuntimeClient client = TestClients.sync(bedrock.endpoint())) {
      client.converse(BedrockCalls.converse());
      client.invokeModel(BedrockCalls.invokeModel());
    }

    assertThat(StartupStats.bedrock()).isTrue();
    assertThat(StartupStats.bedrockClients()).isEqualTo(given + 1);
    List<JsonNode> spans = spans();
    assertThat(spans).extracting(span -> span.get("span_name").asText())
        .containsExactlyInAnyOrder("bedrock.converse", "bedrock.invoke_model");
    assertThat(spans).allSatisfy(span -> {
      assertThat(span.get("model_id").asText()).isEqualTo(BedrockCalls.MODEL);
      assertThat(span.at("/usage/input_tokens").asLong()).isEqualTo(9);
    });
  }

  @Test
  void anAsyncClientBuiltWithoutTheInterceptorRecordsEachCall() {
    async.converse(BedrockCalls.converse()).join();
    async.invokeModel(BedrockCalls.invokeModel()).join();

    assertThat(spans()).extracting(span -> span.get("span_name").asText())
        .containsExactlyInAnyOrder("bedrock.converse", "bedrock.invoke_model");
  }

  @Test
  void withTheInterceptorAlsoOnTheBuilderEachCallIsRecordedOnce() {
    assertOneSpanPerCall(false, new LlmopsBedrockInterceptor());
  }

  @Test
  void withTheGlobalSwitchOnEachCallIsRecordedOnce() {
    assertOneSpanPerCall(true);
  }

  @Test
  void withTheGlobalSwitchOnAndTheInterceptorOnTheBuilderEachCallIsRecordedOnce() {
    assertOneSpanPerCall(true, new LlmopsBedrockInterceptor());
  }

  private void assertOneSpanPerCall(boolean globalSwitch, LlmopsBedrockInterceptor... onBuilder) {
    if (globalSwitch) {
      System.setProperty(GlobalBedrockInterceptor.SWITCH_PROPERTY, "true");
    }
    long given = StartupStats.bedrockClients();

    try (BedrockRuntimeClient client = TestClients.sync(bedrock.endpoint(), onBuilder)) {
      client.converse(BedrockCalls.converse());
      client.converse(BedrockCalls.converse());
    }

    assertThat(StartupStats.bedrockClients()).as("clients the agent gave an interceptor").isEqualTo(given);
    assertThat(spans()).extracting(span -> span.get("span_name").asText())
        .containsExactly("bedrock.converse", "bedrock.converse");
  }

  @Test
  void anSdkInAChildClassLoaderGetsTheInterceptorFromThatLoader() throws Exception {
    long woven = StartupStats.bedrockWovenClasses();

    assertThat(converseInChildLoader(true)).isEqualTo("Hi.");

    assertThat(StartupStats.bedrockWovenClasses()).isEqualTo(woven + 1);
    JsonNode span = spans().get(0);
    assertThat(span.get("span_name").asText()).isEqualTo("bedrock.converse");
    assertThat(span.get("model_id").asText()).isEqualTo(BedrockCalls.MODEL);
  }

  @Test
  void withoutLlmopsBedrockBesideTheSdkTheClientWorksUnrecordedAndOneLineSaysWhy() throws Exception {
    List<String> log;
    try (CapturedLog captured = CapturedLog.open()) {
      assertThat(converseInChildLoader(false)).isEqualTo("Hi.");
      log = captured.messages();
    }

    assertThat(traces()).isEmpty();
    assertThat(log).filteredOn(line -> line.startsWith("llmops-agent")).singleElement().asString()
        .contains("Bedrock Runtime calls are not recorded", "io.llmops:llmops-bedrock is not on the class path");
  }

  /**
   * Builds a client and makes one Converse call with the SDK (and, if {@code withLlmopsBedrock},
   * llmops-bedrock) loaded by a child class loader of their own.
   */
  private static String converseInChildLoader(boolean withLlmopsBedrock) throws Exception {
    URL llmopsBedrock = LlmopsBedrockInterceptor.class.getProtectionDomain().getCodeSource().getLocation();
    List<URL> urls = new ArrayList<>();
    for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
      URL url = new File(entry).toURI().toURL();
      if (withLlmopsBedrock || !url.equals(llmopsBedrock)) {
        urls.add(url);
      }
    }
    try (SdkClassLoader loader = new SdkClassLoader(urls.toArray(URL[]::new), List.of(
        "software.amazon.awssdk.", "io.llmops.observability.bedrock.", BedrockCalls.class.getName()))) {
      return (String) loader.loadClass(BedrockCalls.class.getName())
          .getMethod("converseOnce", URI.class).invoke(null, bedrock.endpoint());
    }
  }

  /** Every span sent so far, trace by trace. */
  private List<JsonNode> spans() {
    List<JsonNode> spans = new ArrayList<>();
    traces().forEach(trace -> trace.get("spans").forEach(spans::add));
    return spans;
  }
}
