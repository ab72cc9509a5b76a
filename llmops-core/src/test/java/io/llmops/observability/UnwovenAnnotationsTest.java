package io.llmops.observability;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.unwoven.AnnotatedService;
import io.llmops.observability.spi.Weaving;
import io.llmops.observability.testing.ChildJvm;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An annotated method that runs with nothing to weave it is named in one warning that says how
 * to enable weaving. In a fresh JVM each, since the warning is once per process.
 */
class UnwovenAnnotationsTest {

  @TempDir Path dir;

  private String run(String mode) throws Exception {
    return String.join("\n", ChildJvm.run(dir, List.of(), AnnotatedMain.class, 60, mode).lines());
  }

  @Test
  void anAnnotatedMethodOnTheStackOfANewTraceIsNamedOnce() throws Exception {
    String log = run("annotated");

    assertThat(log).contains("com.example.unwoven.AnnotatedService.answer (@TrackLlmCall)")
        .contains("-javaagent:llmops-agent.jar");
    assertThat(log.split("nothing weaves", -1)).hasSize(2);
  }

  @Test
  void nothingIsSaidWhenNoAnnotatedMethodRuns() throws Exception {
    assertThat(run("plain")).doesNotContain("nothing weaves");
  }

  @Test
  void nothingIsSaidWhenSomethingWeaves() throws Exception {
    assertThat(run("woven")).doesNotContain("nothing weaves");
  }

  /** Runs in the child JVM: three traces from the annotated or the plain method. */
  public static final class AnnotatedMain {
    public static void main(String[] args) {
      if (args[0].equals("woven")) {
        Weaving.markActive("test");
      }
      Llmops.configure(LlmopsConfig.builder().sinks("file").fileSinkDir(Path.of("traces"))
          .dotEnvFile(null).build());
      AnnotatedService service = new AnnotatedService();
      for (int i = 0; i < 3; i++) {
        if (args[0].equals("plain")) {
          service.plain("java");
        } else {
          service.answer("java");
        }
      }
      Llmops.shutdown(java.time.Duration.ofSeconds(5));
    }
  }
}
