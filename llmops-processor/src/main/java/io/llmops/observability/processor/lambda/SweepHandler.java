package io.llmops.observability.processor.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import io.llmops.observability.processor.BatchProcessor;
import io.llmops.observability.processor.service.ProcessorAssembly;
import io.llmops.observability.processor.service.ProcessorSettings;

/**
 * The Lambda handler for the scheduled sweep (an EventBridge schedule, every minute by default):
 * exports the traces whose wait for segments is over and returns how many.
 * Handler: {@code io.llmops.observability.processor.lambda.SweepHandler::handleRequest}.
 */
public final class SweepHandler implements RequestHandler<ScheduledEvent, Integer> {

  private final BatchProcessor processor;

  /** The handler Lambda creates: the processor from the function's environment. */
  public SweepHandler() {
    this(ProcessorAssembly.create(ProcessorSettings.fromProcess()));
  }

  /** @throws IllegalArgumentException when {@code processor} is null */
  public SweepHandler(BatchProcessor processor) {
    if (processor == null) {
      throw new IllegalArgumentException("processor must not be null");
    }
    this.processor = processor;
  }

  @Override
  public Integer handleRequest(ScheduledEvent event, Context context) {
    return processor.sweep();
  }
}
