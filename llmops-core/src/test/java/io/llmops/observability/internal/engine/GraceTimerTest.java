package io.llmops.observability.internal.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.llmops.observability.internal.common.Counters;
import io.llmops.observability.testing.RecordingThreads;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The engine's finalize-grace timer: when actions run, where, and what it keeps meanwhile. */
class GraceTimerTest {

  private static final Duration PATIENCE = Duration.ofSeconds(20);
  private static final Duration SHORT = Duration.ofMillis(10);
  private static final Duration LONG = Duration.ofHours(1);

  private final Counters counters = new Counters();
  private final RecordingThreads threads = new RecordingThreads();
  private final List<String> ran = new CopyOnWriteArrayList<>();
  private GraceTimer timer;

  private GraceTimer timer(Duration grace) {
    timer = new GraceTimer(grace, counters, threads);
    return timer;
  }

  @AfterEach
  void stop() {
    if (timer != null) {
      timer.runAllNow();
    }
  }

  private Runnable recording(String name) {
    return () -> ran.add(name + " on " + Thread.currentThread().getName());
  }

  @Test
  void anActionRunsOnTheTimersThreadOnceTheGraceHasPassed() {
    timer(SHORT).schedule(recording("late"), () -> false);

    await().atMost(PATIENCE).until(() -> ran.size() == 1);
    assertThat(ran).containsExactly("late on llmops-grace");
  }

  @Test
  void anActionDoneBeforeItsGraceEndsIsNeverRun() {
    GraceTimer timer = timer(SHORT);
    timer.schedule(recording("done-in-time"), () -> true);
    timer.schedule(recording("still-waiting"), () -> false);

    await().atMost(PATIENCE).until(() -> ran.size() == 1);
    assertThat(ran).containsExactly("still-waiting on llmops-grace");
  }

  @Test
  void noThreadIsStartedUntilSomethingWaits() {
    timer(LONG);
    assertThat(threads.named("llmops-grace")).isEmpty();
  }

  @Test
  void shutdownRunsEveryWaitingActionAtOnceOnItsOwnThreadAndRefusesLaterOnes() {
    GraceTimer timer = timer(LONG);
    timer.schedule(recording("first"), () -> false);
    timer.schedule(recording("done"), () -> true);
    timer.schedule(recording("second"), () -> false);
    Thread timerThread = threads.named("llmops-grace").get(0);

    timer.runAllNow();

    String here = Thread.currentThread().getName();
    assertThat(ran).containsExactly("first on " + here, "second on " + here);
    assertThat(timer.schedule(recording("too-late"), () -> false)).isFalse();
    await().atMost(PATIENCE).until(() -> !timerThread.isAlive());
    timer.runAllNow();
    assertThat(ran).hasSize(2);
  }

  @Test
  void actionsDoneEarlyAreLetGoInsteadOfBeingKeptForTheirWholeGrace() {
    GraceTimer timer = timer(LONG);
    for (int i = 0; i < 10_000; i++) {
      timer.schedule(recording("sent-early-" + i), () -> true);
    }
    assertThat(timer.waitingCount()).isLessThanOrEqualTo(64);
  }

  @Test
  void anActionThatFailsIsCountedAndTheNextStillRuns() {
    GraceTimer timer = timer(SHORT);
    timer.schedule(() -> {
      throw new IllegalStateException("test: this action fails");
    }, () -> false);
    timer.schedule(recording("next"), () -> false);

    await().atMost(PATIENCE).until(() -> ran.size() == 1);
    assertThat(counters.get(Counters.INTERNAL_ERRORS)).isEqualTo(1);
    assertThat(threads.uncaught()).isEmpty();
  }

  @Test
  void aFatalErrorInAnActionReachesTheThreadsHandlerAndANewThreadGoesOn() {
    GraceTimer timer = timer(SHORT);
    timer.schedule(() -> {
      throw new OutOfMemoryError("test: the action ran out of memory");
    }, () -> false);
    timer.schedule(recording("next"), () -> false);

    await().atMost(PATIENCE).until(() -> ran.size() == 1);
    assertThat(threads.uncaught()).singleElement()
        .satisfies(error -> assertThat(error).isInstanceOf(OutOfMemoryError.class));
    assertThat(threads.named("llmops-grace")).hasSize(2);
    assertThat(counters.get(Counters.INTERNAL_ERRORS)).isEqualTo(1);
  }
}
