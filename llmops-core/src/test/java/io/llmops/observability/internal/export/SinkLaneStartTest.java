package io.llmops.observability.internal.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.llmops.observability.export.ExportResult;
import io.llmops.observability.export.TraceMessage;
import io.llmops.observability.export.TraceSink;
import io.llmops.observability.internal.common.Counters;
import io.llmops.observability.internal.common.LoopThreads;
import io.llmops.observability.internal.model.TraceData;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A sink is built by its lane's first call: what waits for it, and what a slow build costs. */
class SinkLaneStartTest {

  private static final Duration PATIENCE = Duration.ofSeconds(20);

  private final Counters counters = new Counters();
  private final CountDownLatch buildMayFinish = new CountDownLatch(1);
  private final KeepingSink sink = new KeepingSink();
  private final List<ExportPipeline> pipelines = new ArrayList<>();

  @AfterEach
  void shutDown() {
    buildMayFinish.countDown();
    pipelines.forEach(pipeline -> pipeline.shutdown(Duration.ofSeconds(5)));
  }

  /** A sink that keeps the trace ids it was given and counts its shutdowns. */
  private static final class KeepingSink implements TraceSink {
    final List<String> traceIds = new CopyOnWriteArrayList<>();
    final AtomicInteger shutdowns = new AtomicInteger();

    @Override
    public String name() {
      return "slow";
    }

    @Override
    public ExportResult export(List<TraceMessage> messages) {
      messages.forEach(message -> traceIds.add(message.traceId()));
      return ExportResult.success();
    }

    @Override
    public ExportResult shutdown(Duration timeout) {
      shutdowns.incrementAndGet();
      return ExportResult.success();
    }
  }

  /** A pipeline whose one sink is built once the test lets it, interrupted or not. */
  private ExportPipeline pipelineWithSlowBuild(Duration exportTimeout) {
    SinkRecipe slow = new SinkRecipe("slow", () -> {
      boolean built = false;
      while (!built) {
        try {
          buildMayFinish.await();
          built = true;
        } catch (InterruptedException interruptedByShutdown) {
          // keeps building, as a sink stuck in its constructor would
        }
      }
      return sink;
    }, false);
    return pipelineOf(slow, exportTimeout);
  }

  private ExportPipeline pipelineOf(SinkRecipe recipe, Duration exportTimeout) {
    ExportPipeline pipeline = new ExportPipeline(List.of(recipe), SinkLaneStartTest::encode,
        counters, new ExportOptions(16, 1L << 30, exportTimeout), LoopThreads.daemons());
    pipelines.add(pipeline);
    return pipeline;
  }

  /** A sink built on its lane when its build is deferred, counting its builds. */
  private SinkRecipe deferred(AtomicInteger builds) {
    return new SinkRecipe("slow", () -> {
      builds.incrementAndGet();
      return sink;
    }, true);
  }

  private static TraceMessage encode(TraceData trace) {
    return new TraceMessage(trace.traceId(), "trace", "body", trace.traceId(), new byte[0], 0);
  }

  private static TraceData trace(String id) {
    return new TraceData(id, "name", "project", "test", null, null, 0, 1, null, null, Map.of(),
        List.of(), List.of(), 0, 0);
  }

  @Test
  void aTraceSubmittedWhileTheSinkIsBeingBuiltReachesItOnceBuilt() {
    ExportPipeline pipeline = pipelineWithSlowBuild(Duration.ofSeconds(20));
    pipeline.submit(trace("early"));

    buildMayFinish.countDown();

    assertThat(pipeline.flush(PATIENCE)).isTrue();
    assertThat(sink.traceIds).containsExactly("early");
    assertThat(counters.get(Counters.HANDED_OFF_PREFIX + "slow")).isEqualTo(1);
  }

  @Test
  void aBuildLongerThanTheExportTimeoutFailsTheExportsMeanwhileCountedAsTimedOut() {
    ExportPipeline pipeline = pipelineWithSlowBuild(Duration.ofMillis(100));
    pipeline.submit(trace("while-building"));

    await().atMost(PATIENCE)
        .until(() -> counters.get(Counters.EXPORT_TIMED_OUT_PREFIX + "slow") == 1);
    assertThat(counters.get(Counters.EXPORT_FAILED_PREFIX + "slow")).isEqualTo(1);

    buildMayFinish.countDown();
    await().atMost(PATIENCE).until(() -> {
      pipeline.submit(trace("after-build"));
      return pipeline.flush(PATIENCE) && sink.traceIds.contains("after-build");
    });
    assertThat(sink.traceIds).doesNotContain("while-building");
  }

  @Test
  void aDeferredSinkIsBuiltWhenItsFirstTraceComesAndNotBefore() {
    AtomicInteger builds = new AtomicInteger();
    ExportPipeline pipeline = pipelineOf(deferred(builds), PATIENCE);

    await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(2))
        .until(() -> builds.get() == 0);
    pipeline.submit(trace("first"));

    assertThat(pipeline.flush(PATIENCE)).isTrue();
    assertThat(builds).hasValue(1);
    assertThat(sink.traceIds).containsExactly("first");
  }

  @Test
  void aDeferredSinkWithNothingToSendIsBuiltOnceItsDelayHasPassed() {
    AtomicInteger builds = new AtomicInteger();
    pipelineOf(deferred(builds), PATIENCE);

    await().atMost(PATIENCE).until(() -> builds.get() == 1);
  }

  @Test
  void aSinkBuiltOnlyAfterThePipelineShutDownIsShutDownAtOnce() {
    ExportPipeline pipeline = pipelineWithSlowBuild(Duration.ofMillis(100));
    assertThat(pipeline.shutdown(Duration.ofMillis(100))).isFalse();

    buildMayFinish.countDown();

    await().atMost(PATIENCE).until(() -> sink.shutdowns.get() == 1);
  }
}
