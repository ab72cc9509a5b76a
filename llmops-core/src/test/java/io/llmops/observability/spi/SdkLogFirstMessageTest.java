package io.llmops.observability.spi;

import static org.assertj.core.api.Assertions.assertThat;

import io.llmops.observability.testing.ChildJvm;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The SDK's log starts the JDK's logging only when its first message comes (the agent's start-up
 * initialises the SDK's log but logs nothing), and that message may come with no stack left: in
 * a fresh JVM that lists the classes it loads, the first message is logged from the deepest frame
 * of an overflowing recursion; afterwards both the SDK's log and the application's own logging
 * work.
 */
class SdkLogFirstMessageTest {

  @TempDir
  Path dir;

  @Test
  void aFirstMessageWithNoStackLeftBreaksNeitherTheSdksLogNorTheApplications() throws Exception {
    ChildJvm.Result result = ChildJvm.run(dir, List.of("-Xss512k", "-verbose:class"),
        FirstMessageDeep.class, 60);

    int initialised = result.lines().indexOf(FirstMessageDeep.INITIALISED);
    assertThat(initialised).as("the child's output:\n%s", result.lines()).isPositive();
    assertThat(result.lines().subList(0, initialised))
        .as("the JDK's logging is not started by initialising the SDK's log")
        .noneMatch(line -> line.contains("System$LoggerFinder"));
    assertThat(result.lines().subList(initialised, result.lines().size()))
        .as("but by its first message")
        .anyMatch(line -> line.contains("System$LoggerFinder"));
    List<String> printed = result.lines().stream()
        .filter(line -> !line.contains("class,load")).toList();
    assertThat(String.join("\n", printed))
        .contains("recursion ended")
        .contains("llmops message after the recursion")
        .contains("application message after the recursion")
        .doesNotContain("NoClassDefFoundError")
        .doesNotContain("ExceptionInInitializerError");
    assertThat(result.exitCode()).isZero();
  }

  /** The child JVM: the SDK's log loaded (as the agent's warm-up does), nothing logged yet. */
  public static final class FirstMessageDeep {

    static final String INITIALISED = "sdk log initialised";
    private static boolean logged;

    public static void main(String[] args) throws ClassNotFoundException {
      Class.forName(SdkLog.class.getName(), true, SdkLog.class.getClassLoader());
      System.out.println(INITIALISED);
      down(0);
      System.out.println("recursion ended");
      SdkLog.warn("llmops message after the recursion");
      System.getLogger("application").log(System.Logger.Level.WARNING,
          "application message after the recursion");
    }

    private static void down(int depth) {
      try {
        down(depth + 1);
      } catch (StackOverflowError e) {
        if (!logged) {
          logged = true;
          SdkLog.warn("llmops message with no stack left");
        }
      }
    }
  }
}
