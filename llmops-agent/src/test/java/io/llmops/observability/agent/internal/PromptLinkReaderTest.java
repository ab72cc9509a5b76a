package io.llmops.observability.agent.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.llmops.observability.agent.fixtures.PromptLinked;
import io.llmops.observability.testing.CapturedLog;
import net.bytebuddy.description.method.MethodDescription;
import org.junit.jupiter.api.Test;

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

  @Test
  void aNameWithoutAVersionOfAtLeastOneIsLeftOutWithAWarningNamingTheMethod() throws Exception {
    for (String method : new String[] {"withoutVersion", "negativeVersion"}) {
      try (CapturedLog log = CapturedLog.open()) {
        assertThat(read(method).promptLink()).as(method).isNull();
        assertThat(log.messages()).anySatisfy(message -> assertThat(message)
            .contains(PromptLinked.class.getName() + "#" + method, "promptVersion", "left out"));
      }
    }
  }

  @Test
  void aVersionWithoutANameIsLeftOutWithAWarningNamingTheMethod() throws Exception {
    for (String method : new String[] {"withoutName", "blankName"}) {
      try (CapturedLog log = CapturedLog.open()) {
        assertThat(read(method).promptLink()).as(method).isNull();
        assertThat(log.messages()).anySatisfy(message -> assertThat(message)
            .contains(PromptLinked.class.getName() + "#" + method, "blank promptName", "left out"));
      }
    }
  }

  private static TrackedMethod read(String name) throws NoSuchMethodException {
    for (java.lang.reflect.Method method : PromptLinked.class.getDeclaredMethods()) {
      if (method.getName().equals(name)) {
        return TrackedMethodReader.read(new MethodDescription.ForLoadedMethod(method));
      }
    }
    throw new NoSuchMethodException(name);
  }
}
