package io.llmops.observability.agent.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.llmops.observability.SpanType;
import io.llmops.observability.agent.fixtures.ExternalAnnotations;
import io.llmops.observability.agent.fixtures.Labelled;
import io.llmops.observability.agent.fixtures.Service;
import io.llmops.observability.testing.CapturedLog;
import org.junit.jupiter.api.Test;

/** What the reader makes of an annotation, and what it warns about, at weaving time. */
class TrackedMethodReaderTest {

  @Test
  void aBlankTagIsSkippedWithAWarningNamingTheMethod() throws Exception {
    try (CapturedLog log = CapturedLog.open()) {
      TrackedMethod method = read(Labelled.BlankTag.class, "blank");

      assertThat(method.tags()).containsExactly("kept");
      assertThat(log.messages()).anySatisfy(message -> assertThat(message)
          .contains(Labelled.BlankTag.class.getName() + "#blank", "blank tag"));
    }
  }

  @Test
  void anEntryThatIsNotKeyEqualsValueIsSkippedWithAWarningNamingTheMethod() throws Exception {
    try (CapturedLog log = CapturedLog.open()) {
      TrackedMethod method = read(Service.class, "named");

      assertThat(method.metadata()).containsOnlyKeys("service", "priority");
      assertThat(log.messages()).anySatisfy(message -> assertThat(message)
          .contains(Service.class.getName() + "#named", "'bad entry'", "not key=value"));
    }
  }

  @Test
  void aBlankServiceNameOrTransportFallsBackToTheMethodNameAndHttpWithAWarning() throws Exception {
    try (CapturedLog log = CapturedLog.open()) {
      TrackedMethod method = read(ExternalAnnotations.class, "blank");

      assertThat(method.serviceName()).isEqualTo("blank");
      assertThat(method.transport()).isEqualTo("http");
      assertThat(log.messages()).anySatisfy(message -> assertThat(message)
          .contains(ExternalAnnotations.class.getName() + "#blank", "blank serviceName"));
      assertThat(log.messages()).anySatisfy(message -> assertThat(message)
          .contains("blank transport"));
    }
  }

  @Test
  void resumeExternalServiceCombinesWithTheSpanAnnotationWithoutAWarning() throws Exception {
    try (CapturedLog log = CapturedLog.open()) {
      TrackedMethod function = read(ExternalAnnotations.class, "resumedFunction");
      TrackedMethod tool = read(ExternalAnnotations.class, "resumedTool");

      assertThat(function.segmentName()).isEqualTo("handle_order");
      assertThat(function.spanName()).isEqualTo("order_span");
      assertThat(function.captureArgs()).isFalse();
      assertThat(tool.typeName()).isEqualTo(SpanType.TOOL.name());
      assertThat(tool.segmentName()).as("the span's name when it names none").isEqualTo("lookup");
      assertThat(log.messages()).noneSatisfy(message -> assertThat(message)
          .containsAnyOf("#resumedFunction", "#resumedTool"));
    }
  }

  @Test
  void trackExternalServiceWinsOverTrackFunction() throws Exception {
    try (CapturedLog log = CapturedLog.open()) {
      TrackedMethod method = read(ExternalAnnotations.class, "externalAndFunction");

      assertThat(method.serviceName()).isEqualTo("payments");
      assertThat(method.resumesSegment()).isFalse();
      assertThat(log.messages()).anySatisfy(message -> assertThat(message)
          .contains("several tracking annotations", "@TrackExternalService"));
    }
  }

  private static TrackedMethod read(Class<?> owner, String name) throws NoSuchMethodException {
    return TrackedMethods.read(owner, name);
  }
}
