package io.llmops.observability.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.llmops.observability.agent.fixtures.BedrockSwitchMain;
import io.llmops.observability.agent.fixtures.ContextScenariosMain;
import io.llmops.observability.agent.fixtures.FreshJvmMain;
import io.llmops.observability.agent.fixtures.InterruptedInstallMain;
import io.llmops.observability.agent.testing.ChildJvm;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import org.junit.jupiter.api.Test;

/**
 * {@code LlmopsAgent.install()} in a JVM of its own, where an annotated class (or the AWS SDK's
 * Bedrock Runtime client builder) is certainly loaded (and used) before the agent: it must be
 * retransformed. Also on JDK 25 when it is installed.
 */
class FreshJvmTest {

  static final Path JDK25 = Paths.get("/usr/lib/jvm/temurin-25-jdk-amd64/bin/java");

  @Test
  void installRetransformsAClassLoadedBeforeItOnThisJdk() throws Exception {
    String java = ChildJvm.thisJava();
    assertThat(run(java)).contains("installed=true before=0 after=2 locals=true");
  }

  @Test
  void installRetransformsAClassLoadedBeforeItOnJdk25() throws Exception {
    assumeTrue(Files.isExecutable(JDK25), "JDK 25 is not installed here");
    assertThat(run(JDK25.toString(), "-XX:+EnableDynamicAgentLoading"))
        .contains("installed=true before=0 after=2 locals=true");
  }

  @Test
  void installFromAnInterruptedThreadAttachesAndLeavesTheThreadInterrupted() throws Exception {
    assertThat(runMain(InterruptedInstallMain.class, ChildJvm.thisJava()))
        .contains("installed=true interrupted=true");
  }

  @Test
  void installFromAnInterruptedThreadThatMayAttachToItselfLeavesTheThreadInterrupted()
      throws Exception {
    assertThat(runMain(InterruptedInstallMain.class, ChildJvm.thisJava(),
        "-Djdk.attach.allowAttachSelf=true")).contains("installed=true interrupted=true");
  }

  @Test
  void installInAJvmThatRefusesToBeAttachedReturnsFalseAndSaysWhy() throws Exception {
    assertThat(runMain(InterruptedInstallMain.class, ChildJvm.thisJava(),
        "-XX:+DisableAttachMechanism"))
        .contains("installed=false interrupted=true", "llmops-agent: could not attach to this JVM");
  }

  @Test
  void installPrintsNoJvmWarningOnThisJdk() throws Exception {
    ChildJvm.Output output = ChildJvm.run(ContextScenariosMain.class, ChildJvm.thisJava());
    assertThat(output.stdout()).contains("installed=true");
    assertThat(ChildJvm.warnings(output.stderr())).isEmpty();
  }

  @Test
  void installWithDynamicAgentLoadingEnabledPrintsNoJvmWarningOnJdk25() throws Exception {
    assumeTrue(Files.isExecutable(JDK25), "JDK 25 is not installed here");
    ChildJvm.Output output = ChildJvm.run(ContextScenariosMain.class, JDK25.toString(),
        "-XX:+EnableDynamicAgentLoading");
    assertThat(output.stdout()).contains("installed=true");
    assertThat(ChildJvm.warnings(output.stderr())).isEmpty();
  }

  @Test
  void contextFollowsWorkToEveryExecutorKindOnThisJdk() throws Exception {
    String java = ChildJvm.thisJava();
    assertAllHandoffsOk(runMain(ContextScenariosMain.class, java), handoffsOnThisJdk());
  }

  @Test
  void contextFollowsWorkToEveryExecutorKindAndVirtualThreadsOnJdk25() throws Exception {
    assumeTrue(Files.isExecutable(JDK25), "JDK 25 is not installed here");
    String output = runMain(ContextScenariosMain.class, JDK25.toString(),
        "-XX:+EnableDynamicAgentLoading");
    assertAllHandoffsOk(output, 19);
    assertThat(output).contains("ok Thread.ofVirtual().start",
        "ok Executors.newVirtualThreadPerTaskExecutor().submit",
        "ok Executors.newVirtualThreadPerTaskExecutor().execute");
  }

  @Test
  void theWovenJdkClassesPassTheJvmsOwnVerifierOnThisJdk() throws Exception {
    // The JVM does not verify the JDK's classes unless told to: woven ones must pass anyway.
    assertAllHandoffsOk(runMain(ContextScenariosMain.class, ChildJvm.thisJava(),
        "-XX:+UnlockDiagnosticVMOptions", "-XX:+BytecodeVerificationLocal"), handoffsOnThisJdk());
  }

  @Test
  void theWovenJdkClassesAndVirtualThreadPassTheJvmsOwnVerifierOnJdk25() throws Exception {
    assumeTrue(Files.isExecutable(JDK25), "JDK 25 is not installed here");
    assertAllHandoffsOk(runMain(ContextScenariosMain.class, JDK25.toString(),
        "-XX:+EnableDynamicAgentLoading", "-XX:+UnlockDiagnosticVMOptions",
        "-XX:+BytecodeVerificationLocal"), 19);
  }

  @Test
  void bedrockClientsBuiltBeforeAndAfterInstallAreRecordedOnlyAfter() throws Exception {
    String java = ChildJvm.thisJava();
    assertThat(runMain(BedrockSwitchMain.class, java))
        .contains("installed=true bedrock=true before=0 after=1");
  }

  @Test
  void withTheBedrockSwitchOffNoBedrockClientIsRecorded() throws Exception {
    String java = ChildJvm.thisJava();
    assertThat(runMain(BedrockSwitchMain.class, java, "-Dllmops.agent.bedrock=false"))
        .contains("installed=true bedrock=false before=0 after=0");
  }

  /** The hand-offs {@code ContextScenarios} tries on the JDK running the build: 21 and later add virtual threads. */
  static int handoffsOnThisJdk() {
    return Runtime.version().feature() >= 21 ? 19 : 16;
  }

  static void assertAllHandoffsOk(String output, int handoffs) {
    assertThat(output).contains("installed=true").doesNotContain("FAIL", "could not weave");
    assertThat(output.lines().filter(line -> line.startsWith("ok ")).count())
        .as(output).isEqualTo(handoffs);
  }

  static String run(String java, String... jvmOptions) throws IOException, InterruptedException {
    return runMain(FreshJvmMain.class, java, jvmOptions);
  }

  static String runMain(Class<?> main, String java, String... jvmOptions)
      throws IOException, InterruptedException {
    ChildJvm.Output output = ChildJvm.run(main, java, jvmOptions);
    return output.stdout() + output.stderr();
  }
}
