package io.llmops.observability;

import static org.assertj.core.api.Assertions.assertThat;

import io.llmops.observability.spi.ExitTasks;
import io.llmops.observability.testing.ChildJvm;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The JVM exit's hook is there while a runtime may hold work, and gone once the application shut
 * the SDK down itself: a web application that does so on undeploy leaves nothing behind that
 * would run after its classes are gone. Seen through an exit task, which only that hook runs.
 */
class ShutdownHookTest {

  @TempDir
  Path dir;

  @Test
  void withoutAnExplicitShutdownTheHookRunsAtExit() throws Exception {
    assertThat(run("configure").lines()).contains("exit task ran");
  }

  @Test
  void anExplicitShutdownRemovesTheHook() throws Exception {
    assertThat(run("configure", "shutdown").lines()).doesNotContain("exit task ran")
        .contains("shut down=true");
  }

  @Test
  void configuringAgainAfterAShutdownRegistersTheHookAgain() throws Exception {
    assertThat(run("configure", "shutdown", "configure").lines()).contains("exit task ran");
  }

  private ChildJvm.Result run(String... steps) throws Exception {
    ChildJvm.Result result = ChildJvm.run(dir, List.of(), Child.class, 60, steps);
    assertThat(result.exitCode()).as(String.join("\n", result.lines())).isZero();
    return result;
  }

  /** Runs its arguments as steps, then exits. */
  public static final class Child {
    public static void main(String[] steps) {
      ExitTasks.add(() -> System.out.println("exit task ran"));
      for (String step : steps) {
        if (step.equals("configure")) {
          Llmops.configure(LlmopsConfig.builder().environmentVariables(Map.of())
              .systemProperties(new Properties()).dotEnvFile(null).build());
        } else {
          System.out.println("shut down=" + Llmops.shutdown(Duration.ofSeconds(5)));
        }
      }
    }
  }
}
