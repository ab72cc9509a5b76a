package io.llmops.observability.springai;

import static io.llmops.observability.springai.OpenAi2Models.MODEL;
import static org.assertj.core.api.Assertions.assertThat;

import io.llmops.observability.Llmops;
import io.llmops.observability.Span;
import io.llmops.observability.testing.DecodedTraces;
import io.llmops.observability.testing.Exported;
import io.llmops.observability.testing.OpenAiCompatibleServer;
import io.llmops.observability.testing.TracingHarness;
import io.micrometer.observation.ObservationRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class AutoConfigurationOnBoot4Test {

  @RegisterExtension final TracingHarness tracing = new TracingHarness();

  private final ApplicationContextRunner runner = new ApplicationContextRunner()
      .withConfiguration(AutoConfigurations.of(LlmopsSpringAiAutoConfiguration.class));

  @Test
  void aBoot4ApplicationGetsARegistryThatRecordsSpringAi2Calls() throws Exception {
    try (OpenAiCompatibleServer server = new OpenAiCompatibleServer()) {
      runner.run(context -> {
        assertThat(context).hasSingleBean(LlmopsObservationHandler.class);
        ObservationRegistry registry = context.getBean(ObservationRegistry.class);
        try (Span root = Llmops.span("request").start()) {
          new OpenAi2Models(server, registry).chat(MODEL).call("Capital of France?");
        }
      });

      assertThat(DecodedTraces.spansOfType(Exported.onlyTrace(tracing.sink()), "generation"))
          .hasSize(1);
    }
  }

  @Test
  void itIsOffWhenSwitchedOff() {
    runner.withPropertyValues("llmops.spring-ai.enabled=false").run(context -> {
      assertThat(context).doesNotHaveBean(LlmopsObservationHandler.class);
      assertThat(context).doesNotHaveBean(ObservationRegistry.class);
    });
  }
}
