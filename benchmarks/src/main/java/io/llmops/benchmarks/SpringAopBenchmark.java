package io.llmops.benchmarks;

import io.llmops.observability.spi.Weaving;
import io.llmops.observability.spring.boot.internal.TrackedMethodAdvisor;
import io.llmops.observability.spring.boot.internal.TrackedMethodInterceptor;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.springframework.aop.framework.ProxyFactory;

/**
 * {@link AgentBenchmark}'s annotated calls through the Spring Boot starter's AOP advisor instead
 * of the agent: the same {@link Work} methods, called through a CGLIB proxy as Spring Boot makes
 * one for a bean (class-based), with the same rotated trace and 16-trace export queue. No agent
 * in this JVM ({@code Work} is unwoven).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 2, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class SpringAopBenchmark {

  /** A proxied {@link Work}, the advisor in charge of the annotations; a trace rotated. */
  @State(org.openjdk.jmh.annotations.Scope.Thread)
  public static class AopState extends RotatingTrace {
    Work proxy;
    int value;

    @Setup(Level.Trial)
    public void proxy() {
      Weaving.markActive(TrackedMethodInterceptor.WEAVER);
      sink = Discarding.configureLlmops(Map.of("LLMOPS_EXPORT_QUEUE_CAPACITY", "16"));
      ProxyFactory factory = new ProxyFactory(new Work());
      factory.setProxyTargetClass(true);
      factory.addAdvisor(new TrackedMethodAdvisor());
      proxy = (Work) factory.getProxy();
    }
  }

  /** The unannotated method through the proxy (no advice applies; the trace rotation only). */
  @Benchmark
  public int unannotatedThroughProxy(AopState state) {
    int result = state.proxy.plain(state.value++);
    state.rotate();
    return result;
  }

  /** As {@code AgentBenchmark.annotated}: nothing captured. */
  @Benchmark
  public int annotated(AopState state) {
    int result = state.proxy.annotated(state.value++);
    state.rotate();
    return result;
  }

  /** As {@code AgentBenchmark.annotatedWithArgAndOutput}: one argument by name, the result. */
  @Benchmark
  public int annotatedWithArgAndOutput(AopState state) {
    int result = state.proxy.annotatedDefaults(state.value++);
    state.rotate();
    return result;
  }
}
