package io.llmops.observability.agent.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.llmops.observability.agent.fixtures.AbstractOnly;
import io.llmops.observability.agent.fixtures.LateLoaded;
import io.llmops.observability.agent.fixtures.RecordingEvaluationHandler;
import io.llmops.observability.agent.fixtures.Service;
import java.lang.instrument.Instrumentation;
import java.util.List;
import java.util.function.Supplier;
import net.bytebuddy.agent.ByteBuddyAgent;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeClient;

/**
 * The classes loaded before the agent that the annotation weaving retransforms: only those that
 * may carry the annotations, so that no other class of the application is parsed.
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
  void aClassThatNamesAnAnnotationOnlyOnAnAbstractMethodIsNotConsidered() {
    assertThat(considered()).doesNotContain(AbstractOnly.class);
  }

  @Test
  void classesOfTheJdkLibrariesAndLambdasAreNotConsidered() {
    Supplier<String> lambda = () -> "hidden";
    assertThat(considered()).doesNotContain(String.class, BedrockRuntimeClient.class,
        ByteBuddyAgent.class, lambda.getClass());
  }

  @Test
  void aClassWhoseClassFileCannotBeReadIsConsidered() {
    assertThat(ClassFiles.mayUseTrackedAnnotations(null)).isTrue();
  }

  @Test
  void aClassLoadedAfterAnEarlierLookIsConsideredWhenInstallingAndOneChosenThenIsCheckedAgain() {
    new Service();
    new RecordingEvaluationHandler();
    LoadedClasses.Scan earlier = LoadedClasses.scan(instrumentation, type -> true);
    assertThat(earlier.seen()).doesNotContain(LateLoaded.class);

    new LateLoaded(); // loaded after the look, before the weavings are registered
    List<Class<?>> matching = LoadedClasses.matching(instrumentation,
        new AnnotationWeaving()::candidate, earlier);

    assertThat(matching).contains(LateLoaded.class, Service.class)
        .doesNotContain(RecordingEvaluationHandler.class, String.class);
  }

  @Test
  void aLookSharedByTwoThreadsChoosesWhatOneThreadAloneChooses() throws Exception {
    new Service();
    new RecordingEvaluationHandler();
    LoadedClasses.Look shared = new LoadedClasses.Look(instrumentation,
        new AnnotationWeaving()::candidate);
    Thread other = new Thread(shared::help);
    other.start();
    shared.help();
    LoadedClasses.Scan both = shared.await();
    other.join();

    LoadedClasses.Scan alone = LoadedClasses.scan(instrumentation,
        new AnnotationWeaving()::candidate);
    assertThat(both.chosen()).contains(Service.class)
        .doesNotContain(RecordingEvaluationHandler.class)
        .containsExactlyInAnyOrderElementsOf(alone.chosen());
    assertThat(both.seen()).contains(Service.class, RecordingEvaluationHandler.class, String.class);
  }

  private List<Class<?>> considered() {
    new Service(); // loaded before the look
    new RecordingEvaluationHandler();
    assertThat(ClassFiles.mayUseTrackedAnnotations(ClassFiles.of(AbstractOnly.class))).isTrue();
    return LoadedClasses.matching(instrumentation, new AnnotationWeaving()::candidate, null);
  }
}
