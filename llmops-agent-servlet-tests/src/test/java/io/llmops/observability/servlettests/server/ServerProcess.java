package io.llmops.observability.servlettests.server;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a server JVM shares with the test that starts it: its arguments name the web applications
 * ({@code /context=exploded-war-folder}), it prints {@code port=<n>} once it serves, and it stops
 * when its standard input closes.
 */
final class ServerProcess {

  /** A running server. */
  interface Running {
    void stop() throws Exception;
  }

  private ServerProcess() {}

  /** The web applications of the arguments, by context path, in order. */
  static Map<String, String> webApps(String[] args) {
    Map<String, String> webApps = new LinkedHashMap<>();
    for (String arg : args) {
      int equals = arg.indexOf('=');
      webApps.put(arg.substring(0, equals), arg.substring(equals + 1));
    }
    return webApps;
  }

  /** Announces the port, serves until standard input closes, then stops the server. */
  static void serveUntilStdinCloses(int port, Running server) throws Exception {
    System.out.println("port=" + port);
    System.out.flush();
    drain();
    server.stop();
  }

  private static void drain() throws IOException {
    while (System.in.read() >= 0) {
      // The test writes nothing; it closes the stream to stop the server.
    }
  }
}
