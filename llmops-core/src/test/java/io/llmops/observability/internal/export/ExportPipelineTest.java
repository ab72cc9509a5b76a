package io.llmops.observability.internal.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.llmops.observability.export.ExportResult;
import io.llmops.observability.export.TraceMessage;
import io.llmops.observability.export.TraceSink;
import io.llmops.observability.internal.common.Counters;
import io.llmops.observability.internal.model.TraceData;
import io.llmops.observability.testing.HangingSink;
import io.llmops.observability.testing.RecordingThreads;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The export pipeline built by a test with its own sinks, encoder, counters and threads: how the
 * worker sleeps, survives fatal errors without swallowing them, and accounts for every trace.
 */
class ExportPipelineTest {

  private static final Duration PATIENCE = Duration.ofSeconds(20);

  private final Counters counters = new Counters();
  private final RecordingThreads threads = new RecordingThreads();
  private final List<ExportPipeline> pipelines = new ArrayList<>();
  private final List<HangingSink> toRelease = new ArrayList<>();

  @AfterEach
  void shutDown() {
    toRelease.forEach(HangingSink::release);
    pipelines.forEach(pipeline -> pipeline.shutdown(Duration.ofSeconds(5)));
  }

  /** A sink that keeps the trace ids it was given and the threads it was called on. */
  private static final class RecordingSink implements TraceSink {
    final List<String> traceIds = new CopyOnWriteArrayList<>();
    final List<Thread> callers = new CopyOnWriteArrayList<>();
    private final String name;
    private final boolean failsFirstWithStackOverflow;

    RecordingSink(String name, boolean failsFirstWithStackOverflow) {
      this.name = name;
      this.failsFirstWithStackOverflow = failsFirstWithStackOverflow;
    }

    @Override
    public String name() {
      return name;
    }

    @Override
    public ExportResult export(List<TraceMessage> messages) {
      callers.add(Thread.currentThread());
      if (failsFirstWithStackOverflow && callers.size() == 1) {
        throw new StackOverflowError("test: the sink's first export overflows");
      }
      messages.forEach(message -> traceIds.add(message.traceId()));
      return ExportResult.success();
    }
  }

  /** Encodes a trace into a message that carries its id; "poison" runs out of memory. */
  private static TraceMessage encode(TraceData trace) {
    if (trace.traceId().startsWith("poison")) {
      throw new OutOfMemoryError("test: encoding " + trace.traceId());
    }
    return new TraceMessage(trace.traceId(), "trace", "body", trace.traceId(), new byte[0], 0);
  }

  private static TraceData trace(String id) {
    return new TraceData(id, "name", "project", "test", null, null, 0, 1, null, null, Map.of(),
        List.of(), List.of(), 0, 0);
  }

  private ExportPipeline pipeline(TraceEncoder encoder, Duration exportTimeout, int capacity,
      TraceSink... sinks) {
    ExportPipeline pipeline = new ExportPipeline(Stream.of(sinks).map(SinkRecipe::of).toList(),
        encoder, counters, new ExportOptions(capacity, 1L << 30, exportTimeout), threads);
    pipelines.add(pipeline);
    return pipeline;
  }

  @Test
  void anIdleWorkerSleepsUntilThereIsWorkInsteadOfPolling() {
    RecordingSink sink = new RecordingSink("recording", false);
    ExportPipeline pipeline = pipeline(ExportPipelineTest::encode, Duration.ofSeconds(10), 16, sink);
    Thread worker = threads.named("llmops-export").get(0);

    // a worker that polls is never WAITING, only TIMED_WAITING between its polls
    await().atMost(PATIENCE).until(() -> worker.getState() == Thread.State.WAITING);
    pipeline.submit(trace("wakes-the-worker"));
    await().atMost(PATIENCE).until(() -> sink.traceIds.contains("wakes-the-worker"));
    await().atMost(PATIENCE).until(() -> worker.getState() == Thread.State.WAITING);
  }

  @Test
  void anOutOfMemoryErrorWhileEncodingLosesOnlyThatTraceCountedAtOnceAndReachesTheThreadsHandler()
      throws Exception {
    CountDownLatch gateEntered = new CountDownLatch(1);
    CountDownLatch gateOpen = new CountDownLatch(1);
    TraceEncoder encoder = trace -> {
      if (trace.traceId().equals("gate")) {
        gateEntered.countDown();
        await().atMost(PATIENCE).until(() -> gateOpen.getCount() == 0);
      }
      return encode(trace);
    };
    RecordingSink sink = new RecordingSink("recording", false);
    ExportPipeline pipeline = pipeline(encoder, Duration.ofSeconds(10), 16, sink);
    pipeline.submit(trace("gate"));
    assertThat(gateEntered.await(20, TimeUnit.SECONDS)).isTrue();
    // one batch: the worker takes all three at once when the gate opens
    pipeline.submit(trace("before"));
    pipeline.submit(trace("poison"));
    pipeline.submit(trace("after"));
    gateOpen.countDown();

    await().atMost(PATIENCE).until(() -> counters.get(Counters.DROPPED_ENCODING_FAILED) == 1);
    assertThat(pipeline.flush(Duration.ofSeconds(5))).isTrue();
    assertThat(sink.traceIds).containsExactly("gate", "before", "after");
    assertThat(counters.get("handed_off.recording")).isEqualTo(3);
    assertThat(counters.get(Counters.DROPPED_WORKER_ERROR)).isZero();
    assertThat(threads.uncaught()).singleElement()
        .satisfies(error -> assertThat(error).isInstanceOf(OutOfMemoryError.class)
            .hasMessage("test: encoding poison"));
    assertThat(threads.named("llmops-export")).hasSize(2);

    pipeline.submit(trace("later"));
    assertThat(pipeline.flush(Duration.ofSeconds(5))).isTrue();
    assertThat(sink.traceIds).endsWith("later");
    assertThat(pipeline.shutdown(Duration.ofSeconds(5))).as("a lost trace fails the shutdown").isFalse();
  }

  @Test
  void aSinkThatThrowsAFatalErrorFailsItsBatchAndTakesTheNextOnANewThread() {
    RecordingSink sink = new RecordingSink("overflowing", true);
    ExportPipeline pipeline = pipeline(ExportPipelineTest::encode, Duration.ofSeconds(10), 16, sink);

    pipeline.submit(trace("overflows"));
    await().atMost(PATIENCE).until(() -> counters.get("export_failed.overflowing") == 1);
    pipeline.submit(trace("arrives"));
    assertThat(pipeline.flush(Duration.ofSeconds(5))).isTrue();

    assertThat(sink.traceIds).containsExactly("arrives");
    assertThat(counters.get("handed_off.overflowing")).isEqualTo(1);
    assertThat(threads.uncaught()).singleElement()
        .satisfies(error -> assertThat(error).isInstanceOf(StackOverflowError.class));
    assertThat(sink.callers).hasSize(2).doesNotHaveDuplicates()
        .allSatisfy(caller -> assertThat(caller.getName()).isEqualTo("llmops-sink-overflowing"));
  }

  @Test
  void afterShutdownEveryTraceIsCountedOnceForEverySinkWhateverBecameOfIt() {
    RecordingSink steady = new RecordingSink("steady", false);
    HangingSink hanging = HangingSink.inExport("hanging");
    toRelease.add(hanging);
    TraceSink throwing = new TraceSink() {
      @Override
      public String name() {
        return "throwing";
      }

      @Override
      public ExportResult export(List<TraceMessage> messages) {
        throw new IllegalStateException("test: this sink always throws");
      }
    };
    TraceEncoder everySeventhFails = trace -> {
      if (trace.traceId().endsWith("7")) {
        throw new IllegalStateException("test: cannot encode " + trace.traceId());
      }
      return encode(trace);
    };
    ExportPipeline pipeline =
        pipeline(everySeventhFails, Duration.ofMillis(100), 8, steady, hanging, throwing);

    int submitted = 300;
    for (int i = 0; i < submitted; i++) {
      pipeline.submit(trace("t" + i));
    }
    pipeline.shutdown(Duration.ofSeconds(10));

    long droppedForAll = counters.get(Counters.DROPPED_QUEUE_FULL)
        + counters.get(Counters.DROPPED_ENCODING_FAILED) + counters.get(Counters.DROPPED_WORKER_ERROR)
        + counters.get(Counters.DROPPED_SHUTDOWN) + counters.get("dropped.shutdown_timeout");
    for (String sink : List.of("steady", "hanging", "throwing")) {
      assertThat(counters.get("handed_off." + sink) + counters.get("export_failed." + sink) + droppedForAll)
          .as(sink).isEqualTo(submitted);
    }
    assertThat(counters.get(Counters.DROPPED_ENCODING_FAILED)).isPositive();
    assertThat(counters.get("export_timed_out.hanging"))
        .isPositive().isEqualTo(counters.get("export_failed.hanging"));
    assertThat(hanging.hangingCalls()).isEqualTo(1);
    assertThat(counters.get("export_failed.throwing")).isEqualTo(counters.get("handed_off.steady"));
  }
}
