package io.llmops.observability.processor.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.llmops.observability.processor.service.ProcessorAssembly;
import io.llmops.observability.processor.service.ProcessorSettings;
import io.llmops.observability.processor.service.ScriptedProcessor;
import io.llmops.observability.testing.CapturedLog;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqsEventHandlerTest {

  private static final String FIRST = "059f36b4-87a3-44ab-83d2-661975830a7d";
  private static final String SECOND = "2e1424d4-f796-459a-8184-9c92662be6da";
  private static final String THIRD = "c80e8021-a70a-42c7-a470-796e1186f753";

  private final SQSEvent event = LambdaEvents.read("sqs-event.json", SQSEvent.class);

  @Test
  void theMessagesToRetryAreTheBatchItemFailuresAndTheOthersAreDone() throws Exception {
    ScriptedProcessor processor = new ScriptedProcessor().retrying("this is not a trace", 1);

    SQSBatchResponse response = new SqsEventHandler(processor).handleRequest(event, null);

    assertThat(response.getBatchItemFailures())
        .extracting(SQSBatchResponse.BatchItemFailure::getItemIdentifier).containsExactly(SECOND);
    assertThat(processor.done()).hasSize(2).noneMatch(body -> body.equals("this is not a trace"));
    // What Lambda reads back: {"batchItemFailures":[{"itemIdentifier":"<message id>"}]}
    JsonNode json = new ObjectMapper().readTree(LambdaEvents.write(response));
    assertThat(json.path("batchItemFailures").get(0).path("itemIdentifier").asText())
        .isEqualTo(SECOND);
  }

  @Test
  void aProcessorThatThrowsLeavesEveryMessageOnTheQueue() {
    try (CapturedLog log = CapturedLog.open()) {
      SQSBatchResponse response =
          new SqsEventHandler(new ScriptedProcessor().throwing()).handleRequest(event, null);

      assertThat(response.getBatchItemFailures())
          .extracting(SQSBatchResponse.BatchItemFailure::getItemIdentifier)
          .containsExactly(FIRST, SECOND, THIRD);
      assertThat(log.text()).contains("the batch processor threw", "stay on the queue");
    }
  }

  @Test
  void theAssembledProcessorArchivesTracesStagesSegmentsAndDeadLettersTheRest(@TempDir Path dir)
      throws Exception {
    Properties properties = new Properties();
    properties.setProperty(ProcessorSettings.DIR, dir.toString());
    SqsEventHandler handler = new SqsEventHandler(
        ProcessorAssembly.create(ProcessorSettings.from(Map.of(), properties)));

    try (CapturedLog log = CapturedLog.open()) {
      SQSBatchResponse response = handler.handleRequest(event, null);

      assertThat(response.getBatchItemFailures()).isEmpty();
      assertThat(log.text()).contains("rejected");
    }
    // No project, environment or start time in the event's trace: the archive says so.
    assertThat(dir.resolve("store/traces/unknown/unknown/undated/trace-one.json")).exists();
    // A child segment waits in the store for its parent (or its orphan window).
    assertThat(dir.resolve("store/child_traces/trace-two/segment-b.json")).exists();
    try (Stream<Path> letters = Files.list(dir.resolve("store/dead_letters"))) {
      assertThat(letters.map(Path::getFileName).map(Path::toString))
          .singleElement().asString().endsWith("-" + SECOND + ".json");
    }
  }
}
