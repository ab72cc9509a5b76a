package io.llmops.observability.spi;

import static org.assertj.core.api.Assertions.assertThat;

import io.llmops.observability.testing.CapturedLog;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EvaluationSettingsTest {

  private static final String[] NONE = new String[0];

  @Test
  void evaluationTrueAddsCorrectnessOnceAfterTheNamedCriteria() {
    assertThat(EvaluationSettings.read("A#m", new String[] {"relevance"}, true, 1.0, NONE).criteria())
        .containsExactly("relevance", "correctness");
    assertThat(EvaluationSettings.read("A#m", new String[] {"correctness"}, true, 1.0, NONE)
        .criteria()).containsExactly("correctness");
    assertThat(EvaluationSettings.read("A#m", NONE, false, 1.0, NONE).any()).isFalse();
  }

  @Test
  void aSampleRateOutsideZeroToOneIsClampedWithAWarningNamingTheMethod() {
    try (CapturedLog log = CapturedLog.open()) {
      assertThat(EvaluationSettings.read("A#high", NONE, true, 2.5, NONE).sampleRate()).isEqualTo(1.0);
      assertThat(EvaluationSettings.read("A#low", NONE, true, -1, NONE).sampleRate()).isEqualTo(0.0);
      assertThat(EvaluationSettings.read("A#nan", NONE, true, Double.NaN, NONE).sampleRate())
          .isEqualTo(0.0);

      assertThat(log.messages()).hasSize(3);
      assertThat(log.text()).contains("A#high has sampleRate 2.5, outside 0.0..1.0; using 1.0")
          .contains("A#low").contains("A#nan");
    }
  }

  @Test
  void metadataEntriesAreTrimmedKeyValuePairsAndOneWithoutAKeyIsSkippedWithAWarning() {
    try (CapturedLog log = CapturedLog.open()) {
      EvaluationSettings settings = EvaluationSettings.read("A#m", NONE, true, 0.5,
          new String[] {" suite = support ", "context=a=b", "=orphan"});

      assertThat(settings.metadata()).isEqualTo(Map.of("suite", "support", "context", "a=b"));
      assertThat(log.text()).contains("A#m: evaluationMetadata entry '=orphan' is not key=value");
    }
  }
}
