package io.llmops.observability.spring.boot;

import static io.llmops.observability.testing.DecodedTraces.spansByName;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.llmops.observability.agent.LlmopsAgent;
import io.llmops.observability.spi.Weaving;
import io.llmops.observability.spring.boot.fixtures.SupportAgent;
import io.llmops.observability.testing.CollectingSink;
import io.llmops.observability.testing.Exported;
import java.io.IOException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.aop.support.AopUtils;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * With the agent installed as well (this test class has a JVM of its own: the agent stays), the
 * agent records each annotated bean call and the Spring AOP advisor stands back: every span once.
 */
@Timeout(60)
class TrackedBeansWithTheAgentTest {

  static {
    if (!LlmopsAgent.install()) {
      throw new IllegalStateException("the agent could not attach to the test JVM");
    }
  }

  private final CollectingSink sink = new CollectingSink();

  @Test
  void eachSpanIsRecordedOnceByTheAgent() {
    try (ConfigurableApplicationContext context =
        StarterApps.start(sink, WebApplicationType.NONE, TrackedBeansTest.App.class)) {
      SupportAgent agent = context.getBean(SupportAgent.class);
      assertThat(AopUtils.isAopProxy(agent)).as("the advisor still proxies the bean").isTrue();

      agent.answer("capital of France?");

      // spansByName fails on a name recorded twice
      assertThat(spansByName(Exported.onlyTrace(sink)))
          .containsOnlyKeys("support_agent", "facts_lookup", "chat");
      assertThat(Weaving.activeBy()).isEqualTo("llmops-agent");
    }
  }

  @Test
  void anExceptionStillReachesTheCallerUnchanged() {
    try (ConfigurableApplicationContext context =
        StarterApps.start(sink, WebApplicationType.NONE, TrackedBeansTest.App.class)) {
      IOException failure = new IOException("disk gone");
      SupportAgent agent = context.getBean(SupportAgent.class);

      assertThatThrownBy(() -> agent.fail(failure)).isSameAs(failure);

      assertThat(spansByName(Exported.onlyTrace(sink))).containsOnlyKeys("failing_step");
    }
  }
}
