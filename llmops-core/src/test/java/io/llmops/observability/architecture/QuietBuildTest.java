package io.llmops.observability.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import io.llmops.observability.spi.SdkLog;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.logging.ConsoleHandler;
import java.util.logging.FileHandler;
import java.util.logging.Handler;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

/**
 * A green build reads green: what the SDK logs while tests exercise error cases goes to the
 * module's {@code target/test-jul.log} (the root's test-logging.properties, passed by the parent
 * pom to every surefire and failsafe JVM), never to the build's console.
 */
class QuietBuildTest {

  private static final Logger SDK = Logger.getLogger("io.llmops.observability");

  @Test
  void theSdksLogInATestJvmReachesNoConsoleHandler() {
    assertThat(handlersReaching(SDK)).noneMatch(handler -> handler instanceof ConsoleHandler);
  }

  @Test
  void theSdksLogInATestJvmIsKeptInTheModulesTargetDirectory() throws IOException {
    String marker = "quiet build marker " + UUID.randomUUID();

    SdkLog.warn(marker);
    handlersReaching(SDK).forEach(Handler::flush);

    assertThat(handlersReaching(SDK)).anyMatch(handler -> handler instanceof FileHandler);
    assertThat(Files.readString(Path.of("target", "test-jul.log"), StandardCharsets.UTF_8))
        .contains("WARNING io.llmops.observability: " + marker);
  }

  private static List<Handler> handlersReaching(Logger logger) {
    List<Handler> handlers = new ArrayList<>();
    for (Logger l = logger; l != null; l = l.getUseParentHandlers() ? l.getParent() : null) {
      handlers.addAll(List.of(l.getHandlers()));
    }
    return handlers;
  }
}
