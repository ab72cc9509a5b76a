package io.llmops.observability.agent;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.llmops.observability.LlmopsContext;
import io.llmops.observability.TraceManager;
import io.llmops.observability.agent.fixtures.ContextScenarios;
import io.llmops.observability.agent.fixtures.FanOut;
import io.llmops.observability.agent.internal.StartupStats;
import io.llmops.observability.agent.testing.AgentTest;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The trace context follows work handed to the JDK's executors (in this JVM: JDK 17). */
class ContextPropagationTest extends AgentTest {

  private static final ContextScenarios SCENARIOS = new ContextScenarios();

  static Stream<String> handoffs() {
    return SCENARIOS.handoffs().keySet().stream();
  }

  @AfterAll
  static void closePools() {
    SCENARIOS.close();
  }

  @Test
  void theJdkClassesAreWovenAtInstall() {
    assertThat(StartupStats.contextPropagation()).isTrue();
    assertThat(StartupStats.contextWovenClasses()).isGreaterThanOrEqualTo(4);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("handoffs")
  void theTaskSeesTheSubmittingSpanAndAPooledThreadKeepsNothingAfterwards(String handoff)
      throws Exception {
    assertThat(ContextScenarios.check(SCENARIOS.handoffs().get(handoff))).isNull();
  }

  @Test
  void spansOfAnnotatedWorkOnOtherThreadsNestUnderTheSubmittingSpan() {
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      new FanOut(pool).request("q1");
    } finally {
      pool.shutdown();
    }
    JsonNode trace = onlyTrace();
    assertThat(trace.get("total_spans").asInt()).isEqualTo(3);
    String root = span(trace, "request").get("span_id").asText();
    assertThat(span(trace, "pooled").get("parent_span_id").asText()).isEqualTo(root);
    assertThat(span(trace, "async").get("parent_span_id").asText()).isEqualTo(root);
  }

  @Test
  void shutdownNowReturnsTheRunnablesAsTheyWereSubmitted() throws Exception {
    ThreadPoolExecutor pool = (ThreadPoolExecutor) Executors.newFixedThreadPool(1);
    CountDownLatch blocker = new CountDownLatch(1);
    Runnable queued = () -> {};
    TraceManager.startTrace("shutdown");
    try {
      pool.execute(() -> awaitQuietly(blocker));
      pool.execute(queued);
    } finally {
      TraceManager.endTrace();
    }
    List<Runnable> pending = pool.shutdownNow();
    blocker.countDown();
    assertThat(pool.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
    assertThat(pending).containsExactly(queued);
  }

  @Test
  void aTaskFailureReachesTheCallerUnchanged() {
    ExecutorService pool = Executors.newSingleThreadExecutor();
    IllegalStateException boom = new IllegalStateException("boom");
    TraceManager.startTrace("failure");
    try {
      assertThat(pool.submit(() -> {
        throw boom;
      })).failsWithin(60, TimeUnit.SECONDS).withThrowableOfType(java.util.concurrent.ExecutionException.class)
          .withCause(boom);
      assertThat(LlmopsContext.current().traceId()).isNotNull();
    } finally {
      TraceManager.endTrace();
      pool.shutdown();
    }
  }

  private static void awaitQuietly(CountDownLatch latch) {
    try {
      latch.await(60, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
