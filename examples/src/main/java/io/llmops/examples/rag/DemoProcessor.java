package io.llmops.examples.rag;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.llmops.observability.processor.BatchProcessor;
import io.llmops.observability.processor.IncomingMessage;
import io.llmops.observability.processor.LocalFolderStore;
import io.llmops.observability.processor.ObjectStore;
import io.llmops.observability.processor.TraceProcessor;
import io.llmops.observability.processor.service.ProcessorAssembly;
import io.llmops.observability.processor.service.ProcessorSettings;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * The processor's half of the demo: the messages that came back from the queue go through the
 * pipeline {@code ./llmops processor} runs (decode, merge the segments, deliver to the sinks),
 * with the demo's local folder standing in for S3; then what the archive holds is printed.
 */
final class DemoProcessor {

  private static final ObjectMapper JSON = new ObjectMapper();

  private DemoProcessor() {}

  static void process(List<Message> messages, String traceId) {
    Path dir = DemoState.dir().resolve("processor");
    Properties settings = new Properties();
    settings.setProperty(ProcessorSettings.DIR, dir.toString());
    BatchProcessor processor = ProcessorAssembly.create(ProcessorSettings.from(Map.of(), settings));
    List<IncomingMessage> batch = messages.stream()
        .map(message -> new IncomingMessage(message.messageId(), message.body())).toList();
    List<String> retry = processor.process(batch).retry();

    System.out.println("Processor (the pipeline of ./llmops processor, in this JVM): "
        + batch.size() + " message(s) in, " + retry.size() + " left on the queue");
    if (processor instanceof TraceProcessor merging) {
      Map<String, Long> counters = merging.counters();
      System.out.println("  staged " + counters.getOrDefault("staged.segments", 0L)
          + " child segment(s); exported " + counters.getOrDefault("exports.whole", 0L)
          + " whole trace(s) and " + counters.getOrDefault("exports.late", 0L) + " late piece(s)");
    }
    describeArchived(new LocalFolderStore(dir.resolve("store")), traceId);
  }

  private static void describeArchived(ObjectStore store, String traceId) {
    try {
      for (String key : store.list("traces/")) {
        if (!key.endsWith("/" + traceId + ".json")) {
          continue;
        }
        JsonNode trace = JSON.readTree(store.get(key).orElseThrow().content());
        long segmentRoots = 0;
        long evaluations = 0;
        for (JsonNode span : trace.path("spans")) {
          segmentRoots += span.hasNonNull("segment_id") ? 1 : 0;
          evaluations += "evaluation".equals(span.path("span_type").asText()) ? 1 : 0;
        }
        System.out.println("  merged trace " + traceId + ": " + trace.path("spans").size()
            + " spans, " + evaluations + " evaluation(s)" + (segmentRoots > 0
            ? ", " + segmentRoots + " span(s) from other services' segments" : ""));
        System.out.println("  archived at "
            + DemoState.dir().resolve("processor/store").resolve(key));
        System.out.println("See it in a browser: ./llmops ui (it shows every trace the demo"
            + " archived)");
        return;
      }
      System.out.println("  this run's trace is not in the archive yet (it waits for its"
          + " segments; the processor's sweep exports it within 60 s)");
    } catch (IOException e) {
      System.out.println("  could not read the archive: " + e.getMessage());
    }
  }
}
