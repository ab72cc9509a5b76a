package io.llmops.observability.agent;

import static org.assertj.core.api.Assertions.assertThat;

import io.llmops.observability.Llmops;
import io.llmops.observability.agent.fixtures.Service;
import io.llmops.observability.agent.internal.StartupStats;
import io.llmops.observability.agent.testing.AgentTest;
import io.llmops.observability.testing.TestConfigs;
import org.junit.jupiter.api.Test;

class AgentLifecycleTest extends AgentTest {

  @Test
  void installIsIdempotentAndReportsWhatItDid() {
    assertThat(LlmopsAgent.install()).isTrue();
    assertThat(LlmopsAgent.install()).isTrue();
    assertThat(LlmopsAgent.isInstalled()).isTrue();
    assertThat(new Service().plain("q", 1)).isEqualTo("q:1"); // an annotated class, woven at load
    assertThat(StartupStats.prepareNanos()).isPositive();
    assertThat(StartupStats.installNanos()).isPositive();
    assertThat(StartupStats.wovenClasses()).isPositive();
  }

  @Test
  void withTracingDisabledAnnotatedMethodsRunUnchangedAndNothingIsRecorded() {
    Llmops.configure(TestConfigs.isolated().enabled(false).addSink(sink).build());
    Service service = new Service();
    assertThat(service.plain("q", 2)).isEqualTo("q:2");
    assertThat(service.payment(1.0, "USD")).containsEntry("currency", "USD");
    assertThat(Llmops.flush(java.time.Duration.ofSeconds(5))).isTrue();
    assertThat(sink.messages()).isEmpty();
  }
}
