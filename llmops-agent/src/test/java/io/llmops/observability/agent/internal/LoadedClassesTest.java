package io.llmops.observability.agent.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.llmops.observability.agent.fixtures.RecordingEvaluationHandler;
import io.llmops.observability.agent.fixtures.Service;
import java.lang.instrument.Instrumentation;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import net.bytebuddy.agent.ByteBuddyAgent;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeClient;

/**
 * The classes loaded before the agent that it considers for retransformation: ByteBuddy reads and
 * parses each one, so only those that may carry the annotations are handed to it.
 */
class LoadedClassesTest {

  private final Instrumentation instrumentation = ByteBuddyAgent.install();

  @Test
  void anAnnotatedClassOfTheApplicationIsConsidered() {
    assertThat(considered()).contains(Service.class);
  }

  @Test
  void aClassOfTheApplicationThatNamesNoAnnotationIsNotConsidered() {
    assertThat(considered()).doesNotContain(RecordingEvaluationHandler.class);
  }

  @Test
  void classesOfTheJdkLibrariesAndLambdasAreNotConsidered() {
    Supplier<String> lambda = () -> "hidden";
    assertThat(considered()).doesNotContain(String.class, BedrockRuntimeClient.class,
        ByteBuddyAgent.class, lambda.getClass());
  }

  @Test
  void aClassWhoseClassFileCannotBeReadIsLeftToByteBuddy() {
    assertThat(ClassFiles.mayUseTrackedAnnotations(null)).isTrue();
  }

  private List<Class<?>> considered() {
    new Service(); // loaded before the look
    new RecordingEvaluationHandler();
    List<Class<?>> classes = new ArrayList<>();
    LoadedClasses.usingTrackedAnnotations().resolve(instrumentation).forEach(batch ->
        batch.forEach(classes::add));
    return classes;
  }
}
