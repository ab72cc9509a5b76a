package io.llmops.observability.internal.propagation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code traceparent} read and written exactly as W3C Trace Context (level 1) says. */
class TraceParentTest {

  /** The recommendation's own example. */
  private static final String EXAMPLE = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

  @Test
  void theRecommendationsExampleIsReadAndWrittenBackUnchanged() {
    TraceParent parent = TraceParent.parse(EXAMPLE).orElseThrow();

    assertThat(parent.traceId()).isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
    assertThat(parent.parentId()).isEqualTo("00f067aa0ba902b7");
    assertThat(parent.isSampled()).isTrue();
    assertThat(parent.format()).isEqualTo(EXAMPLE);
  }

  @Test
  void flagsOtherThanSampledAreKeptAndAnUnsampledContextSaysSo() {
    TraceParent parent = TraceParent.parse(EXAMPLE.replace("-01", "-a2")).orElseThrow();

    assertThat(parent.isSampled()).isFalse();
    assertThat(parent.flags()).isEqualTo(0xa2);
    assertThat(parent.format()).endsWith("-a2");
  }

  @Test
  void aLaterVersionIsReadByItsFirstFourFields() {
    assertThat(TraceParent.parse("cc-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01-what-the-future-holds"))
        .hasValueSatisfying(parent -> assertThat(parent.parentId()).isEqualTo("00f067aa0ba902b7"));
    assertThat(TraceParent.parse("cc-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01")).isPresent();
  }

  @Test
  void spacesAndTabsAroundTheValueAreIgnored() {
    assertThat(TraceParent.parse(" \t" + EXAMPLE + " ")).isPresent();
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "",
      "00-4BF92F3577B34DA6A3CE929D0E0E4736-00f067aa0ba902b7-01", // uppercase trace id
      "00-4bf92f3577b34da6a3ce929d0e0e4736-00F067AA0BA902B7-01", // uppercase parent id
      "ff-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01", // the forbidden version
      "0g-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01", // not hex
      "00-00000000000000000000000000000000-00f067aa0ba902b7-01", // zero trace id
      "00-4bf92f3577b34da6a3ce929d0e0e4736-0000000000000000-01", // zero parent id
      "00-4bf92f3577b34da6a3ce929d0e0e473-00f067aa0ba902b7-01",  // short trace id
      "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b-01",  // short parent id
      "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-1",  // short flags
      "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-0g", // flags not hex
      "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01-extra", // version 00 with more
      "cc-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01.x",  // a later version, bad cut
      "00_4bf92f3577b34da6a3ce929d0e0e4736_00f067aa0ba902b7_01", // wrong separators
      "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01\r\nx-admin: 1", // control characters
  })
  void anythingNotExactlyValidIsAbsent(String value) {
    assertThat(TraceParent.parse(value)).isEmpty();
  }

  @Test
  void aNullOrHugeValueIsAbsentUnread() {
    assertThat(TraceParent.parse(null)).isEmpty();
    assertThat(TraceParent.parse(EXAMPLE + "-" + "a".repeat(10_000))).isEmpty();
  }

  @Test
  void aContextIsBuiltOnlyFromValidIdsNamingTheBadOne() {
    assertThat(TraceParent.sampled("4bf92f3577b34da6a3ce929d0e0e4736", "00f067aa0ba902b7").format())
        .isEqualTo(EXAMPLE);
    assertThatThrownBy(() -> TraceParent.sampled("4BF92F3577B34DA6A3CE929D0E0E4736", "00f067aa0ba902b7"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("traceId");
    assertThatThrownBy(() -> TraceParent.sampled("4bf92f3577b34da6a3ce929d0e0e4736", "0000000000000000"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("parentId");
    assertThatThrownBy(() -> new TraceParent("4bf92f3577b34da6a3ce929d0e0e4736", "00f067aa0ba902b7", 256))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("flags");
  }
}
