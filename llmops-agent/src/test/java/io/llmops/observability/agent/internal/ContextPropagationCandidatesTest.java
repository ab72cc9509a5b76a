package io.llmops.observability.agent.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CountedCompleter;
import java.util.concurrent.ForkJoinTask;
import java.util.concurrent.FutureTask;
import java.util.concurrent.RecursiveAction;
import java.util.concurrent.ThreadPoolExecutor;
import org.junit.jupiter.api.Test;

/** Which JDK classes loaded before the agent the context propagation retransforms. */
class ContextPropagationCandidatesTest {

  private final ContextPropagation weaving = new ContextPropagation();

  @Test
  void theExecutorClassesItWeavesAreRetransformed() throws Exception {
    assertThat(weaving.candidate(FutureTask.class)).isTrue();
    assertThat(weaving.candidate(ForkJoinTask.class)).isTrue();
    assertThat(weaving.candidate(ThreadPoolExecutor.class)).isTrue();
    assertThat(weaving.candidate(
        Class.forName("java.util.concurrent.CompletableFuture$AsyncSupply"))).isTrue();
  }

  @Test
  void forkJoinTasksWithoutARunOfTheirOwnAreLeftAlone() {
    // Nothing in them would change: retransforming them only costs the JVM a redefinition.
    assertThat(weaving.candidate(RecursiveAction.class)).isFalse();
    assertThat(weaving.candidate(CountedCompleter.class)).isFalse();
  }
}
