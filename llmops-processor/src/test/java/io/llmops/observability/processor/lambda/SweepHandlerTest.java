package io.llmops.observability.processor.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import io.llmops.observability.processor.service.ScriptedProcessor;
import org.junit.jupiter.api.Test;

class SweepHandlerTest {

  @Test
  void aScheduledEventRunsOneSweep() {
    ScheduledEvent event = LambdaEvents.read("scheduled-event.json", ScheduledEvent.class);
    assertThat(event.getDetailType()).isEqualTo("Scheduled Event");
    ScriptedProcessor processor = new ScriptedProcessor();

    Integer exported = new SweepHandler(processor).handleRequest(event, null);

    assertThat(exported).isZero();
    assertThat(processor.sweeps()).isEqualTo(1);
  }
}
