package io.llmops.observability.spring.boot;

import static io.llmops.observability.testing.DecodedTraces.parentOf;
import static io.llmops.observability.testing.DecodedTraces.spansByName;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.llmops.observability.spi.Weaving;
import io.llmops.observability.spring.boot.buildtime.BuildTimeWoven;
import io.llmops.observability.spring.boot.buildtime.MixedSupportAgent;
import io.llmops.observability.spring.boot.fixtures.ChatModelCall;
import io.llmops.observability.spring.boot.internal.TrackedMethodInterceptor;
import io.llmops.observability.testing.CollectingSink;
import io.llmops.observability.testing.Exported;
import java.lang.reflect.Method;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.aop.support.AopUtils;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * A bean whose class was woven at build time records its own spans with the starter's AOP
 * active, each once: the interceptor leaves its methods alone, and still records the beans next
 * to it that were not woven. (A JVM per test class: the woven class is defined once in it.)
 */
@Timeout(60)
class TrackedBeansWovenAtBuildTimeTest {

  private static final String WOVEN_TOOL =
      "io.llmops.observability.spring.boot.buildtime.WovenFactsTool";

  @Configuration(proxyBeanMethods = false)
  @EnableAutoConfiguration
  @ComponentScan(basePackageClasses = MixedSupportAgent.class)
  @Import(ChatModelCall.class)
  static class App {}

  private final CollectingSink sink = new CollectingSink();
  private ConfigurableApplicationContext context;

  @BeforeAll
  static void weaveTheToolBeforeAnythingLoadsIt() throws ReflectiveOperationException {
    BuildTimeWoven.define(WOVEN_TOOL);
  }

  @BeforeEach
  void start() {
    context = StarterApps.start(sink, WebApplicationType.NONE, App.class);
  }

  @AfterEach
  void stop() {
    context.close();
  }

  @Test
  void theToolBeanIsWovenAtBuildTimeAndStillProxiedByTheStartersAop()
      throws ClassNotFoundException {
    Object tool = context.getBean(Class.forName(WOVEN_TOOL));

    assertThat(AopUtils.isAopProxy(tool)).isTrue();
    assertThat(Weaving.wovenAtBuildTime(AopUtils.getTargetClass(tool))).isTrue();
    assertThat(Weaving.wovenAtBuildTime(MixedSupportAgent.class)).isFalse();
    assertThat(Weaving.activeBy()).isEqualTo(TrackedMethodInterceptor.WEAVER);
  }

  @Test
  void theWovenToolIsRecordedOnceBetweenTheSpansOfTheBeansAopRecords() {
    context.getBean(MixedSupportAgent.class).answer("capital of France?");

    // spansByName fails on a name recorded twice
    var spans = spansByName(Exported.onlyTrace(sink));
    assertThat(spans).containsOnlyKeys("support_agent", "facts_lookup", "chat");
    String agent = spans.get("support_agent").get("span_id").asText();
    assertThat(parentOf(spans.get("support_agent"))).isNull();
    assertThat(parentOf(spans.get("facts_lookup"))).isEqualTo(agent);
    assertThat(parentOf(spans.get("chat"))).isEqualTo(agent);
    assertThat(spans.get("facts_lookup").get("span_type").asText()).isEqualTo("tool");
    assertThat(spans.get("facts_lookup").at("/input_data/kwargs/query").asText())
        .isEqualTo("capital of France?");
    assertThat(spans.get("facts_lookup").at("/output_data/output").asText())
        .isEqualTo("Paris is the capital of France");
  }

  @Test
  void theWovenToolCalledAloneIsItsOwnTraceOfOneSpan() throws ReflectiveOperationException {
    Object tool = context.getBean(Class.forName(WOVEN_TOOL));
    Method lookup = tool.getClass().getMethod("lookup", String.class);

    assertThat(lookup.invoke(tool, "q")).isEqualTo("Paris is the capital of France");

    JsonNode trace = Exported.onlyTrace(sink);
    assertThat(trace.get("spans")).hasSize(1);
    assertThat(trace.at("/spans/0/span_name").asText()).isEqualTo("facts_lookup");
    assertThat(sink.violations()).isEmpty();
  }
}
