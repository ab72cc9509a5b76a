package io.llmops.observability.servlettests;

import java.util.List;

/**
 * Reading a server JVM's log. JUL records (Tomcat's, the agent's, a core's) are one line each,
 * starting with the level and the logger's name; Jetty's own lines carry WARN or ERROR.
 */
final class ServerLog {

  private ServerLog() {}

  /**
   * The warnings and errors that llmops (the agent or a core) logged, and what an llmops thread
   * died of (say, a core's exit hook left behind by an undeployed application).
   */
  static List<String> llmopsWarnings(String log) {
    return log.lines()
        .filter(line -> line.startsWith("WARNING io.llmops") || line.startsWith("SEVERE io.llmops")
            || (line.contains(" WARN ") || line.contains(" ERROR ")) && line.contains("llmops")
            || line.startsWith("Exception in thread \"llmops"))
        .toList();
  }

  /** Tomcat's reports of an application's llmops threads still running once it stopped. */
  static List<String> llmopsThreadsLeftRunning(String log) {
    return log.lines()
        .filter(line -> line.contains("appears to have started a thread named [llmops"))
        .toList();
  }
}
