package io.llmops.observability.internal.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.llmops.observability.Span;
import io.llmops.observability.SpanType;
import io.llmops.observability.testing.TestConfigs;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A runtime started on a thread of a web application (whose context class loader is the
 * application's) does not lend that loader to its own threads: they hold the core's, so that a
 * core shared by the applications of a server does not pin an undeployed one; and none of them
 * outlives the runtime's shutdown (a servlet container checks at once).
 */
class BackgroundThreadsLoaderTest {

  @TempDir Path traces;

  @Test
  void theThreadsOfARuntimeStartedByAWebApplicationHoldTheCoresLoaderAndEndWithItsShutdown()
      throws Exception {
    Set<Thread> before = new HashSet<>(Thread.getAllStackTraces().keySet());
    AtomicReference<Tracer> started = new AtomicReference<>();
    List<Thread> ours = List.of();
    try (URLClassLoader webApplication = new URLClassLoader("web-app", new URL[0], null)) {
      Thread request = new Thread(() -> {
        Tracer tracer = Tracer.create(TestConfigs.isolated().sinks("file").fileSinkDir(traces)
            .build(), EpochClock.SYSTEM);
        started.set(tracer);
        tracer.traceBuilder("request").start();
        Span open = tracer.spanBuilder("handler", SpanType.SPAN).start();
        tracer.finalizeTrace(null, null, null, null, null); // waits for the open span: grace timer
        open.end();
      }, "request");
      request.setContextClassLoader(webApplication);
      request.start();
      request.join();
      Tracer tracer = started.get();
      try {
        assertThat(tracer.flush(Duration.ofSeconds(10))).isTrue();
        ours = Thread.getAllStackTraces().keySet().stream()
            .filter(thread -> !before.contains(thread) && thread.getName().startsWith("llmops-"))
            .toList();
        assertThat(ours).extracting(Thread::getName)
            .contains("llmops-export", "llmops-sink-file", "llmops-grace");
        assertThat(ours).allSatisfy(thread -> assertThat(thread.getContextClassLoader())
            .as(thread.getName()).isSameAs(Tracer.class.getClassLoader()));
      } finally {
        tracer.shutdown(Duration.ofSeconds(5));
      }
      assertThat(ours).as("threads alive once the runtime is shut down")
          .filteredOn(Thread::isAlive).isEmpty();
    }
  }
}
