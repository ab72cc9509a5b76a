package io.llmops.observability.processor.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import io.llmops.observability.processor.BatchProcessor;
import io.llmops.observability.processor.IncomingMessage;
import io.llmops.observability.processor.service.ProcessorAssembly;
import io.llmops.observability.processor.service.ProcessorSettings;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.List;

/**
 * The Lambda handler for SQS events: the batch goes to the {@link BatchProcessor}, and the
 * messages to retry are returned as {@code batchItemFailures}: with {@code ReportBatchItemFailures}
 * on the event source mapping, Lambda deletes the others and leaves these on the queue. Should the
 * processor throw (it must not), every message is reported, so nothing is deleted unprocessed.
 * Handler: {@code io.llmops.observability.processor.lambda.SqsEventHandler::handleRequest}.
 */
public final class SqsEventHandler implements RequestHandler<SQSEvent, SQSBatchResponse> {

  private static final System.Logger LOG =
      System.getLogger("io.llmops.observability.processor.lambda");

  private final BatchProcessor processor;

  /** The handler Lambda creates: the processor from the function's environment. */
  public SqsEventHandler() {
    this(ProcessorAssembly.create(ProcessorSettings.fromProcess()));
  }

  /** @throws IllegalArgumentException when {@code processor} is null */
  public SqsEventHandler(BatchProcessor processor) {
    if (processor == null) {
      throw new IllegalArgumentException("processor must not be null");
    }
    this.processor = processor;
  }

  @Override
  public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
    List<SQSEvent.SQSMessage> records =
        event == null || event.getRecords() == null ? List.of() : event.getRecords();
    List<IncomingMessage> batch = new ArrayList<>();
    for (SQSEvent.SQSMessage record : records) {
      batch.add(new IncomingMessage(record.getMessageId(),
          record.getBody() == null ? "" : record.getBody()));
    }
    List<String> retry;
    try {
      retry = processor.process(batch).retry();
    } catch (RuntimeException | Error e) {
      LOG.log(Level.ERROR, "the batch processor threw {0}; all {1} message(s) are reported as"
          + " failures and stay on the queue", e.getClass().getName(), batch.size());
      retry = batch.stream().map(IncomingMessage::id).toList();
    }
    List<SQSBatchResponse.BatchItemFailure> failures = new ArrayList<>();
    for (String id : retry) {
      failures.add(new SQSBatchResponse.BatchItemFailure(id));
    }
    return new SQSBatchResponse(failures);
  }
}
