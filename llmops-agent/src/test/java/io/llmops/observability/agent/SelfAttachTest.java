package io.llmops.observability.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.llmops.observability.agent.fixtures.AttachWayMain;
import io.llmops.observability.agent.fixtures.FreshJvmMain;
import io.llmops.observability.agent.testing.ChildJvm;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code LlmopsAgent.install()} asks this JVM's attach listener to load the agent, from the
 * process itself (Linux HotSpot), and attaches the usual way where it cannot; each in a fresh
 * JVM, with a temporary directory of its own so that a jar left behind would be seen.
 */
class SelfAttachTest {

  @TempDir Path tmp;

  @Test
  void installLoadsTheAgentThroughThisJvmsAttachListenerAndLeavesNothingBehind()
      throws Exception {
    assumeTrue(onLinux());
    ChildJvm.Output output = ChildJvm.run(AttachWayMain.class, ChildJvm.thisJava(),
        "-Djava.io.tmpdir=" + tmp);

    assertThat(output.stdout())
        .contains("installed=true way=attach listener trigger_left=false jar_left=false")
        .doesNotContain("Full thread dump");
    assertThat(ChildJvm.warnings(output.stderr())).isEmpty();
  }

  @Test
  void theAgentLoadedThatWayWeavesClassesLoadedBeforeIt() throws Exception {
    assumeTrue(onLinux());
    assertThat(FreshJvmTest.run(ChildJvm.thisJava()))
        .contains("installed=true before=0 after=2 locals=true");
  }

  @Test
  void underXrsTheListenerRunsFromTheStartAndIsUsedWithoutASignal() throws Exception {
    assumeTrue(onLinux());
    ChildJvm.Output output = ChildJvm.run(AttachWayMain.class, ChildJvm.thisJava(), "-Xrs",
        "-Djava.io.tmpdir=" + tmp);

    assertThat(output.stdout()).contains("installed=true way=attach listener");
  }

  @Test
  void onJdk25WithDynamicAgentLoadingEnabledItAttachesTheSameWayWithoutWarnings()
      throws Exception {
    assumeTrue(onLinux());
    assumeTrue(Files.isExecutable(FreshJvmTest.JDK25), "JDK 25 is not installed here");
    ChildJvm.Output output = ChildJvm.run(AttachWayMain.class, FreshJvmTest.JDK25.toString(),
        "-XX:+EnableDynamicAgentLoading", "-Djava.io.tmpdir=" + tmp);

    assertThat(output.stdout())
        .contains("installed=true way=attach listener trigger_left=false jar_left=false");
    assertThat(ChildJvm.warnings(output.stderr())).isEmpty();
  }

  @Test
  void whereAttachingIsDisabledNoSignalIsSentAndNoThreadDumpPrinted() throws Exception {
    ChildJvm.Output output = ChildJvm.run(AttachWayMain.class, ChildJvm.thisJava(),
        "-XX:+DisableAttachMechanism", "-Djava.io.tmpdir=" + tmp);

    assertThat(output.stdout()).contains("installed=false").doesNotContain("Full thread dump");
  }

  @Test
  void whereAnArgumentFileDisablesAttachingNoSignalIsSentEither() throws Exception {
    Path options = tmp.resolve("jvm-options");
    Files.writeString(options, "-XX:+DisableAttachMechanism\n");
    ChildJvm.Output output = ChildJvm.run(AttachWayMain.class, ChildJvm.thisJava(),
        "@" + options, "-Djava.io.tmpdir=" + tmp);

    assertThat(output.stdout()).contains("installed=false").doesNotContain("Full thread dump");
  }

  private static boolean onLinux() {
    return System.getProperty("os.name", "").startsWith("Linux");
  }
}
