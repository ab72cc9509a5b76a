package io.llmops.observability.processor;

import static org.assertj.core.api.Assertions.assertThat;

import io.llmops.observability.processor.s3.LocalS3;
import io.llmops.observability.processor.s3.S3ObjectStore;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two processors on one store, several threads each, on the interleaved and duplicated messages
 * of many traces (parents, segments of called services, nested segments, late evaluations):
 * every trace is exported once whole, every late piece once, no span twice.
 */
class TwoProcessorsTest {

  private static final int TRACES = 40;

  @TempDir Path folder;
  private final ManualClock clock = new ManualClock();
  private final RecordingDelivery delivery = new RecordingDelivery();

  @Test
  void twoProcessorsOnOneFolderExportEveryTraceOnceWhole() throws Exception {
    runTwoProcessors(() -> new LocalFolderStore(folder.resolve("store")));
  }

  @Test
  void twoProcessorsOnOneS3BucketExportEveryTraceOnceWhole() throws Exception {
    try (LocalS3 s3 = LocalS3.start()) {
      String bucket = s3.newBucket();
      runTwoProcessors(() -> new S3ObjectStore(s3.newClient(), bucket));
    }
  }

  private void runTwoProcessors(Supplier<ObjectStore> stores) throws Exception {
    List<IncomingMessage> messages = new ArrayList<>();
    List<Pieces> traces = new ArrayList<>();
    for (int i = 0; i < TRACES; i++) {
      Pieces trace = new Pieces();
      traces.add(trace);
      String call = Pieces.spanId();
      String nested = Pieces.spanId();
      messages.add(trace.parent(List.of(call), 1));
      messages.add(trace.segment("s1", call, List.of(nested), 1));
      messages.add(trace.segment("s2", nested, List.of(), 0));
    }
    List<IncomingMessage> queue = new ArrayList<>(messages);
    queue.addAll(messages.subList(0, messages.size() / 2)); // SQS delivers some twice
    Collections.shuffle(queue, new Random(16));

    List<TraceProcessor> processors = List.of(processor(stores.get(), "a"),
        processor(stores.get(), "b"));
    drain(processors, queue);

    assertThat(delivery.exports()).hasSize(TRACES);
    for (Pieces trace : traces) {
      assertThat(delivery.export(trace.traceId).newSpanIds()).as("trace whole").hasSize(5);
    }

    // Late evaluations of every trace's root span, twice each, on both processors at once.
    List<IncomingMessage> evaluations = new ArrayList<>();
    for (Pieces trace : traces) {
      String root = delivery.export(trace.traceId).trace().get("spans").get(0).get("span_id")
          .asText();
      IncomingMessage evaluation = trace.evaluation("eval", root);
      evaluations.add(evaluation);
      evaluations.add(evaluation);
    }
    Collections.shuffle(evaluations, new Random(17));
    drain(processors, evaluations);

    assertThat(delivery.exports()).hasSize(2 * TRACES);
    assertThat(delivery.spansSent()).hasSize(6 * TRACES);
    assertThat(delivery.repeats()).isEmpty();
  }

  private TraceProcessor processor(ObjectStore store, String name) {
    return new TraceProcessor(new BatchDecoder(new MessageDecoder(DecodeLimits.defaults()),
        new LocalFolderDeadLetters(folder.resolve("dead-letters-" + name)), clock),
        store, delivery, MergeWindows.defaults(), clock);
  }

  /** Three threads per processor take batches of up to 5 until every message is done. */
  private static void drain(List<TraceProcessor> processors, List<IncomingMessage> messages)
      throws Exception {
    ConcurrentLinkedQueue<IncomingMessage> queue = new ConcurrentLinkedQueue<>(messages);
    ExecutorService threads = Executors.newFixedThreadPool(6);
    try {
      List<Future<?>> workers = new ArrayList<>();
      for (int t = 0; t < 6; t++) {
        TraceProcessor processor = processors.get(t % 2);
        workers.add(threads.submit(() -> {
          int idle = 0;
          for (int calls = 0; idle < 200 && calls < 5_000; calls++) {
            List<IncomingMessage> batch = new ArrayList<>();
            for (IncomingMessage m; batch.size() < 5 && (m = queue.poll()) != null; ) {
              batch.add(m);
            }
            if (batch.isEmpty()) {
              idle++;
              Thread.yield();
              continue;
            }
            idle = 0;
            List<String> retry = processor.process(batch).retry();
            batch.stream().filter(m -> retry.contains(m.id())).forEach(queue::add);
          }
          return null;
        }));
      }
      for (Future<?> worker : workers) {
        worker.get();
      }
    } finally {
      threads.shutdownNow();
    }
    assertThat(queue).as("every message done").isEmpty();
  }
}
