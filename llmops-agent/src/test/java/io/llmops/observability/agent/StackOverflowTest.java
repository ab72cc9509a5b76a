package io.llmops.observability.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.llmops.observability.agent.fixtures.StackOverflowMain;
import io.llmops.observability.agent.testing.ChildJvm;
import java.nio.file.Files;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Annotated methods recursing until the stack runs out, in a JVM of its own whose standard error
 * is read from the start of the recursion: the application sees its StackOverflowError (or
 * catches it where it strikes) and nothing else, and tracing goes on as if nothing had happened.
 */
class StackOverflowTest {

  @Test
  void anOverflowingRecursionSeesOnlyItsErrorAndBothTracesAreSentAtOnceOnThisJdk() throws Exception {
    assertOnlyTheOverflowIsSeenAndBothTracesAreSent(ChildJvm.run(StackOverflowMain.class,
        ChildJvm.thisJava(), "-Xss256k"));
  }

  @Test
  void anOverflowingRecursionSeesOnlyItsErrorAndBothTracesAreSentAtOnceOnJdk25() throws Exception {
    assumeTrue(Files.isExecutable(FreshJvmTest.JDK25), "JDK 25 is not installed here");
    assertOnlyTheOverflowIsSeenAndBothTracesAreSent(ChildJvm.run(StackOverflowMain.class,
        FreshJvmTest.JDK25.toString(), "-Xss256k", "-XX:+EnableDynamicAgentLoading"));
  }

  /**
   * What the JDK's agent library (JPLIS) prints when a class loads while the stack is exhausted
   * and the call into the transformers comes back with an error pending: it happens now and then
   * on JDK 25 (the overflow can strike in the JDK's own frames around the transformers, where no
   * code of the agent can catch it); the class then loads unwoven. The JDK's line, not the SDK's.
   */
  private static final Pattern JPLIS_OVERFLOW = Pattern.compile("(?m)^\\*\\*\\* java\\.lang\\.instrument "
      + "ASSERTION FAILED \\*\\*\\*: \"!errorOutstanding\" with message transform method call failed "
      + "at \\S*JPLISAgent\\.c line: \\d+\\R?");

  private static void assertOnlyTheOverflowIsSeenAndBothTracesAreSent(ChildJvm.Output output) {
    String stderr = output.stderr();
    assertThat(stderr).contains(StackOverflowMain.OVERFLOW_BEGINS);
    String afterOverflow = stderr.substring(stderr.indexOf(StackOverflowMain.OVERFLOW_BEGINS)
        + StackOverflowMain.OVERFLOW_BEGINS.length());
    assertThat(JPLIS_OVERFLOW.matcher(afterOverflow).replaceAll("")).as("standard error")
        .isBlank();
    assertThat(output.stdout())
        .as("the application saw its error, and no span is left current")
        .contains("overflow=java.lang.StackOverflowError caught=true context=null/null "
            + "greeting=hello after")
        .as("the trace of the call after the overflows is whole")
        .contains("trace greet spans=1 open=0 root=success:hello after")
        .as("each recursion's trace is sent when its root ends, not after the finalize grace")
        .containsPattern("trace down spans=\\d+ open=0 root=error:java.lang.StackOverflowError")
        .containsPattern("trace downAndBack spans=\\d+ open=0 root=success:\\d+");
  }
}
