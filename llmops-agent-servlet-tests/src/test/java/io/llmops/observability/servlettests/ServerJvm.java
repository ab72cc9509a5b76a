package io.llmops.observability.servlettests;

import static org.assertj.core.api.Assertions.assertThat;

import io.llmops.observability.servlettests.server.JettyMain;
import io.llmops.observability.servlettests.server.TomcatMain;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A servlet container in a JVM of its own, started with {@code -javaagent:} the packaged agent
 * jar. Its class path holds the container and a small launcher, nothing of llmops or of the
 * application: those come with the agent and the WARs. Its log (standard error, one line per
 * record) goes to a file that {@link #stop()} returns.
 */
final class ServerJvm {

  /** The containers, with what of the test class path each needs. */
  enum Container {
    TOMCAT(TomcatMain.class, List.of("/org/apache/tomcat/")),
    JETTY(JettyMain.class,
        List.of("/org/eclipse/jetty/", "/jakarta/servlet/", "/org/slf4j/slf4j-api/"));

    private final Class<?> main;
    private final List<String> classPath;

    Container(Class<?> main, List<String> classPath) {
      this.main = main;
      this.classPath = classPath;
    }
  }

  private static final Path AGENT_JAR = Paths.get(System.getProperty("llmops.agent.jar"));
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private final Process process;
  private final Path log;
  private final int port;

  private ServerJvm(Process process, Path log, int port) {
    this.process = process;
    this.log = log;
    this.port = port;
  }

  /**
   * Starts {@code container} in {@code work} with the JVM's system properties {@code properties}
   * and deploys {@code webApps} (context path to exploded WAR); returns once it serves.
   */
  static ServerJvm start(Container container, Path work, Map<String, String> properties,
      Map<String, Path> webApps) throws IOException {
    return start(container, work, properties, webApps, List.of());
  }

  /** As above, with {@code shared} (jars every application sees) on the server's class path. */
  static ServerJvm start(Container container, Path work, Map<String, String> properties,
      Map<String, Path> webApps, List<Path> shared) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Paths.get(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-javaagent:" + AGENT_JAR);
    // One line per JUL record: level, logger, message (Tomcat and the agent log through JUL).
    command.add("-Djava.util.logging.SimpleFormatter.format=%4$s %3$s %5$s%6$s%n");
    properties.forEach((name, value) -> command.add("-D" + name + "=" + value));
    command.add("-cp");
    List<String> classPath = new ArrayList<>(TestClassPath.entriesContaining(container.classPath));
    shared.forEach(entry -> classPath.add(entry.toString()));
    classPath.add(launcher(work).toString());
    command.add(String.join(File.pathSeparator, classPath));
    command.add(container.main.getName());
    webApps.forEach((context, war) -> command.add(context + "=" + war.toAbsolutePath()));
    Path log = work.resolve(container.name().toLowerCase() + ".log");
    Process process = new ProcessBuilder(command).directory(work.toFile())
        .redirectError(log.toFile()).start();
    BufferedReader stdout = new BufferedReader(
        new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    String line;
    while ((line = stdout.readLine()) != null) {
      if (line.startsWith("port=")) {
        return new ServerJvm(process, log, Integer.parseInt(line.substring("port=".length())));
      }
    }
    process.destroyForcibly();
    throw new AssertionError(container + " did not start; its log:\n" + Files.readString(log));
  }

  /** GETs {@code pathAndQuery} from the server; fails unless it answers 200. */
  String get(String pathAndQuery) throws IOException, InterruptedException {
    HttpResponse<String> response = HTTP.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + pathAndQuery)).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as("GET %s: %s", pathAndQuery, response.body()).isEqualTo(200);
    return response.body();
  }

  /** Stops the server (its applications are undeployed), waits for its JVM to end, returns its log. */
  String stop() throws IOException, InterruptedException {
    process.getOutputStream().close();
    boolean ended = process.waitFor(60, TimeUnit.SECONDS);
    if (!ended) {
      process.destroyForcibly().waitFor();
    }
    String text = Files.readString(log);
    assertThat(ended).as("the server ended; its log:\n%s", text).isTrue();
    assertThat(process.exitValue()).as("exit code; its log:\n%s", text).isZero();
    return text;
  }

  /** The launcher classes alone, copied out of the test classes (which hold the applications too). */
  private static Path launcher(Path work) throws IOException {
    String packagePath = TomcatMain.class.getPackageName().replace('.', '/');
    Path source = TestClassPath.locationOf(TomcatMain.class).resolve(packagePath);
    Path root = work.resolve("launcher");
    Path target = Files.createDirectories(root.resolve(packagePath));
    try (var classes = Files.list(source)) {
      for (Path file : classes.toList()) {
        Files.copy(file, target.resolve(file.getFileName()));
      }
    }
    return root;
  }
}
