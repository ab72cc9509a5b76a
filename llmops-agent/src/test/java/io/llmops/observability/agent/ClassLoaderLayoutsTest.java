package io.llmops.observability.agent;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.llmops.observability.Llmops;
import io.llmops.observability.agent.fixtures.ChildApiApplication;
import io.llmops.observability.agent.fixtures.ChildApplication;
import io.llmops.observability.agent.fixtures.PlainGreeting;
import io.llmops.observability.agent.fixtures.SdkClassLoader;
import io.llmops.observability.agent.testing.AgentTest;
import io.llmops.observability.testing.CapturedLog;
import io.llmops.observability.testing.CollectingSink;
import io.llmops.observability.testing.WireDecoder;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * Applications with an {@code llmops-core} of their own, each in a class loader of its own (as
 * WARs in one servlet container), beside the agent's core on the system class path: the woven
 * methods and the context hand-off reach each application's core, with its configuration.
 */
class ClassLoaderLayoutsTest extends AgentTest {

  @Test
  void anApplicationWithItsOwnCoreGetsItsTraceWithTheContextCarriedAcrossThreads()
      throws Exception {
    List<String> bodies = run(application("app-a"), "model-a");

    assertThat(bodies).hasSize(1);
    JsonNode trace = WireDecoder.trace(bodies.get(0));
    JsonNode answer = span(trace, "answer");
    assertThat(span(trace, "look-up").get("parent_span_id")).isEqualTo(answer.get("span_id"));
    assertThat(span(trace, "generate").get("parent_span_id")).isEqualTo(answer.get("span_id"));
    assertThat(span(trace, "generate").get("span_type").asText()).isEqualTo("generation");
    assertThat(trace.get("spans")).hasSize(3);
  }

  @Test
  void twoApplicationsInOneJvmKeepTheirTracesAndConfigurationApart() throws Exception {
    List<String> first = run(application("app-a"), "model-a");
    List<String> second = run(application("app-b"), "model-b");

    assertThat(modelOf(first)).isEqualTo("model-a");
    assertThat(modelOf(second)).isEqualTo("model-b");
    assertThat(Llmops.flush(java.time.Duration.ofSeconds(5))).isTrue();
    assertThat(sink.messages()).as("nothing reaches the agent's own core").isEmpty();
  }

  @Test
  void anApplicationTracingOnlyThroughTheApiGetsItsContextCarriedToAThreadPool() throws Exception {
    List<String> bodies = run(application("api-only"), ChildApiApplication.class, "model-c");

    assertThat(bodies).as("one trace: the pool's span is the root's child").hasSize(1);
    JsonNode trace = WireDecoder.trace(bodies.get(0));
    assertThat(span(trace, "look-up").get("parent_span_id"))
        .isEqualTo(span(trace, "answer").get("span_id"));
  }

  @Test
  void aClassLoaderThatCannotSeeTheAgentIsLoggedOnceAndItsClassesRunUnchanged() throws Exception {
    try (CapturedLog log = CapturedLog.open();
        URLClassLoader isolated = new URLClassLoader("isolated", new URL[] {
            locationOf(PlainGreeting.class), locationOf(Llmops.class)},
            ClassLoader.getPlatformClassLoader())) {
      @SuppressWarnings("unchecked")
      Supplier<String> greeter = (Supplier<String>) Class
          .forName(PlainGreeting.class.getName(), true, isolated).getConstructor().newInstance();

      assertThat(greeter.get()).isEqualTo("hello");
      assertThat(log.messages()).filteredOn(message -> message.contains("'isolated'"))
          .singleElement().asString()
          .contains("are not woven, because it does not delegate to the system class loader");
    }
  }

  private static String modelOf(List<String> bodies) {
    assertThat(bodies).hasSize(1);
    return span(WireDecoder.trace(bodies.get(0)), "generate").get("model_id").asText();
  }

  private static List<String> run(ClassLoader application, String modelId) throws Exception {
    return run(application, ChildApplication.class, modelId);
  }

  @SuppressWarnings("unchecked")
  private static List<String> run(ClassLoader application, Class<?> main, String modelId)
      throws Exception {
    Function<String, List<String>> app = (Function<String, List<String>>) Class
        .forName(main.getName(), true, application)
        .getConstructor().newInstance();
    assertThat(app.getClass()).isNotSameAs(main);
    Thread thread = Thread.currentThread();
    ClassLoader previous = thread.getContextClassLoader();
    thread.setContextClassLoader(application); // as a container does while it runs the application
    try {
      return app.apply(modelId);
    } finally {
      thread.setContextClassLoader(previous);
    }
  }

  /**
   * A child-first loader, as a servlet container's for a WAR: the core, its test helpers and the
   * fixtures from its own URLs (where the test's class path has them), never from the parent's
   * class path, which holds another copy; the agent, the JDK and the rest from the parent.
   */
  private static ClassLoader application(String name) {
    return new SdkClassLoader(name, new URL[] {locationOf(Llmops.class),
        locationOf(CollectingSink.class), locationOf(ChildApplication.class)},
        ClassLoaderLayoutsTest::ownedByTheApplication);
  }

  private static boolean ownedByTheApplication(String name) {
    return name.startsWith("io.llmops.observability.")
        && !name.startsWith("io.llmops.observability.agent.")
        || name.startsWith("io.llmops.observability.agent.fixtures.");
  }

  private static URL locationOf(Class<?> type) {
    return type.getProtectionDomain().getCodeSource().getLocation();
  }
}
