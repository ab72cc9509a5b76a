package io.llmops.observability.spi;

import static org.assertj.core.api.Assertions.assertThat;

import io.llmops.observability.SpanType;
import io.llmops.observability.testing.CapturedLog;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The one set of rules both readers of annotations feed with the values as written. */
class AnnotationRulesTest {

  private static final String LLM_CALL = "io.llmops.observability.TrackLlmCall";
  private static final String EXTERNAL = "io.llmops.observability.TrackExternalService";
  private static final String FUNCTION = "io.llmops.observability.TrackFunction";

  private static final MethodShape ASK = new MethodShape("A#ask", "ask", false, false,
      new String[] {"id", "question"}, new String[] {"int", "java.lang.CharSequence"});

  @Test
  void anUnnamedSpanIsNamedAfterTheMethodAndALlmCallsPromptIsItsFirstText() {
    AnnotatedMethod read = read(ASK, LLM_CALL, Map.of("name", "", "model", "m1"), null);

    assertThat(read.spanName()).isEqualTo("ask");
    assertThat(read.type()).isEqualTo(SpanType.GENERATION);
    assertThat(read.model()).isEqualTo("m1");
    assertThat(read.promptIndex()).isEqualTo(1);
  }

  @Test
  void theParameterNamedPromptWinsOverTheFirstText() {
    MethodShape shape = new MethodShape("A#ask", "ask", false, false,
        new String[] {"system", "prompt"}, new String[] {"java.lang.String", "java.lang.String"});

    assertThat(read(shape, LLM_CALL, Map.of(), null).promptIndex()).isEqualTo(1);
  }

  @Test
  void onlyALlmCallKeepsModelPromptAndEvaluation() {
    AnnotatedMethod read = read(ASK, FUNCTION, Map.of("model", "m1", "promptName", "p",
        "promptVersion", 2, "evals", new String[] {"relevance"}), null);

    assertThat(read.model()).isEmpty();
    assertThat(read.promptName()).isEmpty();
    assertThat(read.promptIndex()).isEqualTo(-1);
    assertThat(read.evaluation()).isEqualTo(EvaluationSettings.NONE);
  }

  @Test
  void tagsAreTrimmedKeptOnceAndABlankOneIsSkippedWithAWarningNamingTheMethod() {
    try (CapturedLog log = CapturedLog.open()) {
      AnnotatedMethod read = read(ASK, FUNCTION,
          Map.of("tags", new String[] {" a ", "b", "a", " "}), null);

      assertThat(read.tags()).containsExactly("a", "b");
      assertThat(log.text()).contains("A#ask has a blank tag; it is skipped");
    }
  }

  @Test
  void aPromptLinkNeedsANameAndAVersionOfAtLeastOne() {
    try (CapturedLog log = CapturedLog.open()) {
      AnnotatedMethod linked = read(ASK, LLM_CALL,
          Map.of("promptName", " qa ", "promptVersion", 3), null);
      AnnotatedMethod unversioned = read(ASK, LLM_CALL, Map.of("promptName", "qa"), null);

      assertThat(linked.promptName()).isEqualTo("qa");
      assertThat(linked.promptVersion()).isEqualTo(3);
      assertThat(unversioned.promptName()).isEmpty();
      assertThat(log.text()).contains("A#ask has a promptName but no promptVersion of at least 1");
    }
  }

  @Test
  void aBlankServiceOrTransportIsReplacedByTheMethodNameAndHttpWithAWarningEach() {
    try (CapturedLog log = CapturedLog.open()) {
      AnnotatedMethod read = read(ASK, EXTERNAL, Map.of("serviceName", " ", "transport", ""), null);

      assertThat(read.serviceName()).isEqualTo("ask");
      assertThat(read.transport()).isEqualTo("http");
      assertThat(log.text()).contains("A#ask has a blank serviceName")
          .contains("A#ask has a blank transport");
    }
  }

  @Test
  void aResumedSegmentIsNamedByItsOwnNameElseAsTheSpan() {
    assertThat(read(ASK, FUNCTION, Map.of("name", "span"), " seg ").segmentName()).isEqualTo("seg");
    assertThat(read(ASK, FUNCTION, Map.of("name", "span"), "").segmentName()).isEqualTo("span");
    assertThat(read(ASK, FUNCTION, Map.of(), null).resumesSegment()).isFalse();
  }

  @Test
  void aStaticMethodNeverCapturesItsReceiver() {
    MethodShape helper = new MethodShape("A#helper", "helper", true, true, null, new String[0]);

    AnnotatedMethod read = read(helper, FUNCTION, Map.of("captureSelf", true), null);

    assertThat(read.captureSelf()).isFalse();
    assertThat(read.isVoid()).isTrue();
  }

  @Test
  void theOrderOfTheAnnotationsGivesEachItsSpanType() {
    assertThat(TrackingAnnotations.IN_ORDER).first().isEqualTo(LLM_CALL);
    assertThat(TrackingAnnotations.IN_ORDER.stream().map(TrackingAnnotations::spanTypeOf))
        .containsExactly(SpanType.GENERATION, SpanType.AGENT, SpanType.TOOL, SpanType.SPAN,
            SpanType.SPAN, SpanType.TRANSACTION);
    assertThat(TrackingAnnotations.spanTypeOf("io.llmops.observability.ResumeExternalService"))
        .isEqualTo(SpanType.SPAN);
  }

  private static AnnotatedMethod read(MethodShape method, String type, Map<String, Object> written,
      String resumeName) {
    return AnnotationRules.read(method, type, written::get, resumeName);
  }
}
