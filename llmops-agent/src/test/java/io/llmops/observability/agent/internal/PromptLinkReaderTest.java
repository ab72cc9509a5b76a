package io.llmops.observability.agent.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.llmops.observability.agent.fixtures.PromptLinked;
import io.llmops.observability.testing.CapturedLog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What the reader makes of {@code promptName} and {@code promptVersion} at weaving time. */
class PromptLinkReaderTest {

  @Test
  void aNameAndAVersionMakeALinkWithTheNameTrimmed() throws Exception {
    assertThat(read("linked").promptLink()).isEqualTo(new PromptLink("qa-system", 3));
    assertThat(read("padded").promptLink()).isEqualTo(new PromptLink("qa-system", 2));
  }

  @Test
  void neitherMakesNoLinkAndNoWarning() throws Exception {
    try (CapturedLog log = CapturedLog.open()) {
      assertThat(read("unlinked").promptLink()).isNull();
      assertThat(log.messages()).isEmpty();
    }
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
      "withoutVersion, no promptVersion of at least 1",
      "negativeVersion, no promptVersion of at least 1",
      "withoutName, blank promptName",
      "blankName, blank promptName"})
  void halfALinkIsLeftOutWithAWarningNamingTheMethodAndWhatIsMissing(String method, String missing)
      throws Exception {
    try (CapturedLog log = CapturedLog.open()) {
      assertThat(read(method).promptLink()).isNull();
      assertThat(log.messages()).anySatisfy(message -> assertThat(message)
          .contains(PromptLinked.class.getName() + "#" + method, missing, "left out"));
    }
  }

  private static TrackedMethod read(String name) throws NoSuchMethodException {
    return TrackedMethods.read(PromptLinked.class, name);
  }
}
