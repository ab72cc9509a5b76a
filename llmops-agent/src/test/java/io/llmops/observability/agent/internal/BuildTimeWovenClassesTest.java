package io.llmops.observability.agent.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import io.llmops.observability.agent.fixtures.buildtime.WovenAssistant;
import io.llmops.observability.agent.testing.WovenClassLoader;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.util.CheckClassAdapter;

/** The agent, when it is attached too, leaves a class woven at build time to its own code. */
class BuildTimeWovenClassesTest {

  private final byte[] woven =
      BuildTimeWeaver.weave(WovenClassLoader.compiled(WovenAssistant.class)).classFile();

  @Test
  void theAnnotationWeavingDoesNotWantIt() {
    assertThat(new AnnotationWeaving().wants("io/acme/WovenAssistant", woven)).isFalse();
    assertThat(new AnnotationWeaving().wants("io/acme/WovenAssistant",
        WovenClassLoader.compiled(WovenAssistant.class))).as("as compiled").isTrue();
  }

  @Test
  void theCaptureLocalsPassLeavesItAsItIs() {
    assertThat(new LocalsTransformer().transform(getClass().getClassLoader(),
        "io/acme/WovenAssistant", null, null, woven)).isNull();
  }

  @Test
  void theWovenClassPassesAsmsDataFlowAndFrameChecks() {
    assertThat(LocalsTransformerTest.asmVerifierErrors(woven)).isEmpty();
    assertThatCode(() -> new ClassReader(woven).accept(new CheckClassAdapter(new ClassNode(), true),
        0)).doesNotThrowAnyException();
  }
}
