package io.llmops.observability.spring.boot.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.llmops.observability.ResumeExternalService;
import io.llmops.observability.TrackLlmCall;
import io.llmops.observability.spi.AnnotatedMethod;
import io.llmops.observability.spi.TrackingAnnotations;
import io.llmops.observability.testing.CapturedLog;
import java.lang.reflect.Method;
import org.junit.jupiter.api.Test;

/** What the starter reads of a bean method by reflection, with the core's rules. */
class TrackedBeanMethodTest {

  static class Assistant {
    @TrackLlmCall(name = "answer", promptName = "qa", promptVersion = 2,
        evals = "relevance", evaluation = true, sampleRate = 3.0, tags = {" a ", "a"},
        metadata = "tokens=12")
    @ResumeExternalService
    public String ask(int id, String prompt) {
      return prompt;
    }
  }

  @Test
  void theAppliedAnnotationsStandInTheCoresOrder() {
    assertThat(TrackedBeanMethod.APPLIED.stream().map(Class::getName))
        .containsExactlyElementsOf(TrackingAnnotations.IN_ORDER);
  }

  @Test
  void aBeanMethodsAnnotationValuesAreReadByTheCoresRules() throws NoSuchMethodException {
    Method ask = Assistant.class.getMethod("ask", int.class, String.class);

    try (CapturedLog log = CapturedLog.open()) {
      AnnotatedMethod read = TrackedBeanMethod.of(ask, TrackedBeanMethod.annotationOf(ask));

      assertThat(log.text()).contains(Assistant.class.getName() + "#ask has sampleRate 3.0");
      assertThat(read.spanName()).isEqualTo("answer");
      assertThat(read.promptName()).isEqualTo("qa");
      assertThat(read.promptVersion()).isEqualTo(2);
      assertThat(read.promptIndex()).isEqualTo(1);
      assertThat(read.tags()).containsExactly("a");
      assertThat(read.metadata()).containsEntry("tokens", 12L);
      assertThat(read.evaluation().criteria()).containsExactly("relevance", "correctness");
      assertThat(read.evaluation().sampleRate()).isEqualTo(1.0);
      assertThat(read.segmentName()).as("the span's name when it names none").isEqualTo("answer");
    }
  }
}
