package io.llmops.observability.spring.boot;

import static io.llmops.observability.testing.DecodedTraces.parentOf;
import static io.llmops.observability.testing.DecodedTraces.spansByName;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import io.llmops.observability.Llmops;
import io.llmops.observability.ModelPrice;
import io.llmops.observability.Pricing;
import io.llmops.observability.spring.boot.fixtures.SupportAgent;
import io.llmops.observability.testing.CapturedLog;
import io.llmops.observability.testing.CollectingSink;
import io.llmops.observability.testing.DecodedTraces;
import io.llmops.observability.testing.Exported;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;

/** The @Track* annotations on Spring beans record through Spring AOP, with no agent. */
@Timeout(60)
class TrackedBeansTest {

  @Configuration(proxyBeanMethods = false)
  @EnableAutoConfiguration
  @ComponentScan(basePackageClasses = SupportAgent.class)
  static class App {}

  private final CollectingSink sink = new CollectingSink();
  private ConfigurableApplicationContext context;
  private SupportAgent agent;

  @BeforeEach
  void start() {
    context = StarterApps.start(sink, WebApplicationType.NONE, App.class);
    // after the start: the starter's configuration replaces the runtime, and prices set before
    Pricing.setPrice("gpt-4o-mini", ModelPrice.perMillion(0.15, 0.60));
    agent = context.getBean(SupportAgent.class);
  }

  @AfterEach
  void stop() {
    context.close();
  }

  @Test
  void anAgentCallRecordsTheAgentToolAndGenerationSpansNestedAsTheCallsWere() {
    agent.answer("capital of France?");

    var spans = spansByName(Exported.onlyTrace(sink));
    JsonNode root = spans.get("support_agent");
    JsonNode tool = spans.get("facts_lookup");
    JsonNode chat = spans.get("chat");
    assertThat(spans).hasSize(3);
    assertThat(root.get("span_type").asText()).isEqualTo("agent");
    assertThat(parentOf(root)).isNull();
    assertThat(tool.get("span_type").asText()).isEqualTo("tool");
    assertThat(parentOf(tool)).isEqualTo(root.get("span_id").asText());
    assertThat(chat.get("span_type").asText()).isEqualTo("generation");
    assertThat(parentOf(chat)).isEqualTo(root.get("span_id").asText());
    assertThat(root.at("/input_data/kwargs/question").asText()).isEqualTo("capital of France?");
    assertThat(tool.at("/output_data/output").asText()).isEqualTo("Paris is the capital of France");
  }

  @Test
  void theGenerationCarriesModelPromptUsageAndCost() {
    agent.answer("capital of France?");

    JsonNode chat = spansByName(Exported.onlyTrace(sink)).get("chat");
    assertThat(chat.get("model_id").asText()).isEqualTo("gpt-4o-mini");
    assertThat(chat.get("prompt").asText()).startsWith("Answer 'capital of France?' with: Paris");
    assertThat(chat.get("response").asText()).isEqualTo("Paris.");
    assertThat(chat.at("/usage/input_tokens").asLong()).isEqualTo(12);
    assertThat(chat.at("/usage/output_tokens").asLong()).isEqualTo(3);
    assertThat(chat.at("/cost/total_cost").asDouble())
        .isCloseTo((12 * 0.15 + 3 * 0.60) / 1_000_000, within(1e-12));
  }

  @Test
  void tagsAndMetadataAreReadAsTheAgentReadsThem() {
    agent.answer("q");

    JsonNode root = spansByName(Exported.onlyTrace(sink)).get("support_agent");
    assertThat(root.get("tags")).extracting(JsonNode::asText).containsExactly("support");
    assertThat(root.at("/metadata/tier").isIntegralNumber()).isTrue();
    assertThat(root.at("/metadata/temperature").asDouble()).isEqualTo(0.5);
    assertThat(root.at("/metadata/zip").asText()).isEqualTo("007");
  }

  @Test
  void anExceptionMarksTheSpanFailedAndReachesTheCallerUnchanged() {
    IOException failure = new IOException("disk gone");

    assertThatThrownBy(() -> agent.fail(failure)).isSameAs(failure);

    JsonNode span = spansByName(Exported.onlyTrace(sink)).get("failing_step");
    assertThat(span.get("status").asText()).isEqualTo("error");
    assertThat(span.get("error").asText()).isEqualTo("java.io.IOException: disk gone");
  }

  @Test
  void aCompletableFutureEndsTheSpanWhenItCompletes() {
    CompletableFuture<String> reply = new CompletableFuture<>();
    CompletableFuture<String> returned = agent.answerLater("q", reply);
    reply.complete("later");

    assertThat(returned).isSameAs(reply);
    JsonNode span = spansByName(Exported.onlyTrace(sink)).get("later_agent");
    assertThat(span.at("/output_data/output").asText()).isEqualTo("later");
  }

  @Test
  void aMonoAndAFluxEndTheirSpansAtTheirTerminalSignal() {
    assertThat(agent.answerAsMono("q").block()).isEqualTo("mono q");
    assertThat(agent.answerAsFlux("q").collectList().block()).containsExactly("a", "b", "c");

    Llmops.flush(Duration.ofSeconds(5));
    List<JsonNode> traces = DecodedTraces.of(Exported.flushed(sink));
    assertThat(traces).hasSize(2);
    assertThat(spansByName(traces.get(0)).get("mono_agent").at("/output_data/output").asText())
        .isEqualTo("mono q");
    assertThat(spansByName(traces.get(1)).get("flux_agent").at("/output_data/output").asText())
        .isEqualTo("3 elements");
  }

  @Test
  void captureLocalsIsNamedInAWarningBecauseAProxyCannotSeeLocals() {
    try (CapturedLog log = CapturedLog.open()) {
      assertThat(agent.withLocals("abc")).isEqualTo("ABC");

      assertThat(log.text()).contains("withLocals asks for captureLocals, which Spring AOP cannot see");
    }
    JsonNode span = spansByName(Exported.onlyTrace(sink)).get("withLocals");
    assertThat(span.at("/output_data/output").asText()).isEqualTo("ABC");
  }

  @Test
  void aMethodWithoutAnnotationRecordsNothing() {
    assertThat(agent.plain("x")).isEqualTo("x");

    Llmops.flush(Duration.ofSeconds(5));
    assertThat(sink.messages()).isEmpty();
  }

  @Test
  void everyExportedTraceMatchesTheSchemas() {
    agent.answer("q");
    agent.answerAsMono("q").block();

    Llmops.flush(Duration.ofSeconds(5));
    assertThat(sink.messages()).hasSize(2);
    assertThat(sink.violations()).isEmpty();
  }

  @Test
  void thePropertyTurnsTheAnnotationsOff() {
    context.close();
    context = StarterApps.start(sink, WebApplicationType.NONE, App.class,
        "--llmops.annotations.enabled=false");

    context.getBean(SupportAgent.class).answer("q");

    Llmops.flush(Duration.ofSeconds(5));
    assertThat(sink.messages()).isEmpty();
    assertThat(context.getBeanNamesForType(LlmopsAnnotationsAutoConfiguration.class)).isEmpty();
  }
}
