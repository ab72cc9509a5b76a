package io.llmops.observability.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.llmops.observability.agent.fixtures.AgentOnlyMain;
import io.llmops.observability.agent.fixtures.ChildApplication;
import io.llmops.observability.agent.fixtures.ChildBedrockApplication;
import io.llmops.observability.agent.fixtures.ChildOkHttpApplication;
import io.llmops.observability.agent.fixtures.ChildCoreMain;
import io.llmops.observability.agent.fixtures.ChildHandOffsApplication;
import io.llmops.observability.agent.fixtures.SdkClassLoader;
import io.llmops.observability.testing.SchemaValidator;
import io.llmops.observability.testing.WireDecoder;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code java -javaagent:llmops-agent.jar -jar app.jar} where the system class path has no
 * {@code llmops-core}: the agent starts through its own class loader and its stored core, hidden
 * from the application; an application with a core of its own in a child loader reaches that one.
 */
class AgentAloneIT {

  private final Path agentJar = Paths.get(System.getProperty("llmops.agent.jar"));

  @TempDir
  Path folder;

  @Test
  void anApplicationWithoutCoreSendsItsTraceThroughTheAgentsOwnCore() throws Exception {
    Path traces = folder.resolve("traces");
    Result result = run(agentJar, applicationJar(AgentOnlyMain.class),
        "-DLLMOPS_SINKS=file", "-DLLMOPS_FILE_SINK_DIR=" + traces, "-DLLMOPS_PROJECT_ID=alone");

    assertThat(result.stdout()).contains("answer=an answer from facts about facts about weather");
    // the file sink's notice of where it writes, and nothing else: no warning, no error
    String fileSinkNotice = "(?m)^.* io\\.llmops\\.observability\\.spi\\.SdkLog log\\R"
        + "INFO: llmops: writing traces to \\S+\\R?";
    assertThat(result.stderr().replaceAll(fileSinkNotice, ""))
        .doesNotContain("llmops", "WARNING", "SEVERE");
    List<JsonNode> written = traces(traces);
    assertThat(written).hasSize(1);
    JsonNode trace = written.get(0);
    assertThat(trace.get("spans")).hasSize(4);
    JsonNode answer = span(trace, "answer", "agent");
    assertThat(answer.get("parent_span_id").isNull()).isTrue();
    for (JsonNode tool : spans(trace, "look-up")) {
      assertThat(tool.get("span_type").asText()).isEqualTo("tool");
      assertThat(tool.get("parent_span_id")).isEqualTo(answer.get("span_id"));
    }
    assertThat(childOf(trace, "generate", "generation", answer).get("model_id").asText())
        .isEqualTo("model-x");
  }

  @Test
  void anApplicationWithItsOwnCoreInAChildLoaderReachesThatCore() throws Exception {
    JsonNode trace = traceOfChild(ChildApplication.class);

    JsonNode answer = span(trace, "answer", "span");
    childOf(trace, "look-up", "tool", answer);
    assertThat(childOf(trace, "generate", "generation", answer).get("model_id").asText())
        .isEqualTo("child-model");
  }

  @Test
  void anOkHttpClientBuiltInAChildLoaderRecordsThroughThatLoadersIntegration() throws Exception {
    JsonNode trace = traceOfChild(ChildOkHttpApplication.class);

    JsonNode fetch = span(trace, "fetch", "span");
    List<JsonNode> calls = new ArrayList<>();
    trace.get("spans").forEach(span -> {
      if (span.path("metadata").path("http.client.library").asText().equals("okhttp")) {
        calls.add(span);
      }
    });
    assertThat(calls).singleElement().satisfies(call -> assertThat(call.get("parent_span_id"))
        .isEqualTo(fetch.get("span_id")));
  }

  @Test
  void aBedrockClientBuiltInAChildLoaderRecordsItsCallThroughThatLoadersIntegration()
      throws Exception {
    JsonNode trace = traceOfChild(ChildBedrockApplication.class);

    JsonNode ask = span(trace, "ask", "span");
    List<JsonNode> generations = new ArrayList<>();
    trace.get("spans").forEach(span -> {
      if (span.get("span_type").asText().equals("generation")) {
        generations.add(span);
      }
    });
    assertThat(generations).singleElement().satisfies(call -> {
      assertThat(call.get("parent_span_id")).isEqualTo(ask.get("span_id"));
      assertThat(call.get("model_id").asText()).contains("claude-3-haiku");
    });
  }

  @Test
  void inAChildLoaderTheContextFollowsAForkJoinPoolAndVirtualThreadsOnJdk25() throws Exception {
    assumeTrue(Files.isExecutable(FreshJvmTest.JDK25), "JDK 25 is not installed here");
    JsonNode trace = traceOfChild(FreshJvmTest.JDK25.toString(), ChildHandOffsApplication.class);

    JsonNode answer = span(trace, "answer", "span");
    List<JsonNode> tools = spans(trace, "look-up");
    assertThat(tools).hasSize(2).allSatisfy(tool -> assertThat(tool.get("parent_span_id"))
        .isEqualTo(answer.get("span_id")));
  }

  /** The one trace of {@code application} run by {@link ChildCoreMain} in a child loader. */
  private JsonNode traceOfChild(Class<?> application) throws Exception {
    return traceOfChild(Paths.get(System.getProperty("java.home"), "bin", "java").toString(),
        application);
  }

  private JsonNode traceOfChild(String java, Class<?> application) throws Exception {
    List<String> arguments = new ArrayList<>(List.of(application.getName()));
    // The test run's class path (the core, its test helpers, the fixtures, their libraries).
    arguments.addAll(List.of(System.getProperty("java.class.path").split(File.pathSeparator)));
    Result result = run(java, agentJar, applicationJar(ChildCoreMain.class, SdkClassLoader.class),
        arguments.toArray(new String[0]));

    assertThat(result.stderr()).doesNotContain("llmops", "WARNING", "SEVERE");
    List<String> bodies = result.stdout().lines().filter(line -> line.startsWith("body="))
        .map(line -> line.substring("body=".length())).toList();
    assertThat(bodies).hasSize(1);
    return WireDecoder.trace(bodies.get(0));
  }

  @Test
  void anAgentThatCannotStartIsLoggedAndTheApplicationRunsUnchanged() throws Exception {
    Path broken = withoutEntry(agentJar, "inst/io/llmops/observability/spi/SdkLog.classdata");

    Result result = run(broken, applicationJar(AgentOnlyMain.class),
        "-DLLMOPS_SINKS=file", "-DLLMOPS_FILE_SINK_DIR=" + folder.resolve("traces"));

    assertThat(result.stdout()).contains("answer=an answer from facts about facts about weather");
    assertThat(result.stderr()).contains(
        "llmops-agent: could not start; the application runs unchanged and untraced",
        "NoClassDefFoundError: io/llmops/observability/spi/SdkLog");
    assertThat(traces(folder.resolve("traces"))).isEmpty();
  }

  private record Result(String stdout, String stderr) {}

  /** {@code java -javaagent:agent -cp app.jar Main arguments...}; fails unless it exits with 0. */
  private Result run(Path agent, Path application, String... arguments) throws Exception {
    return run(Paths.get(System.getProperty("java.home"), "bin", "java").toString(), agent,
        application, arguments);
  }

  private Result run(String java, Path agent, Path application, String... arguments)
      throws Exception {
    String main;
    try (JarFile jar = new JarFile(application.toFile())) {
      main = jar.getManifest().getMainAttributes().getValue(Attributes.Name.MAIN_CLASS);
    }
    List<String> command = new ArrayList<>(List.of(java, "-javaagent:" + agent));
    List<String> properties = Stream.of(arguments).filter(a -> a.startsWith("-D")).toList();
    command.addAll(properties);
    command.addAll(List.of("-jar", application.toString()));
    Stream.of(arguments).filter(a -> !a.startsWith("-D")).forEach(command::add);
    assertThat(main).isNotNull();
    Path stderr = folder.resolve("stderr.txt");
    Process process = new ProcessBuilder(command).redirectError(stderr.toFile()).start();
    String stdout = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
    Result result = new Result(stdout, Files.readString(stderr));
    assertThat(process.exitValue()).as(result.toString()).isZero();
    return result;
  }

  /** A jar of the given classes (with their nested and lambda classes), the first its main. */
  private Path applicationJar(Class<?>... classes) throws Exception {
    Path jar = folder.resolve("app.jar");
    Manifest manifest = new Manifest();
    manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
    manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, classes[0].getName());
    Path root = Paths.get(classes[0].getProtectionDomain().getCodeSource().getLocation().toURI());
    try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar), manifest)) {
      for (Class<?> type : classes) {
        Path dir = root.resolve(type.getPackageName().replace('.', '/'));
        try (Stream<Path> files = Files.list(dir)) {
          for (Path file : files.filter(f -> f.getFileName().toString()
              .matches(type.getSimpleName() + "(\\$.*)?\\.class")).toList()) {
            out.putNextEntry(new JarEntry(root.relativize(file).toString()));
            Files.copy(file, out);
            out.closeEntry();
          }
        }
      }
    }
    return jar;
  }

  /** A copy of {@code jar} without one entry. */
  private Path withoutEntry(Path jar, String left) throws IOException {
    Path copy = folder.resolve("broken-agent.jar");
    try (JarFile in = new JarFile(jar.toFile());
        JarOutputStream out = new JarOutputStream(Files.newOutputStream(copy), in.getManifest())) {
      assertThat(in.getEntry(left)).isNotNull();
      for (JarEntry entry : Collections.list(in.entries())) {
        if (entry.getName().equals(left) || entry.getName().equals(JarFile.MANIFEST_NAME)) {
          continue;
        }
        out.putNextEntry(new JarEntry(entry.getName()));
        try (var data = in.getInputStream(entry)) {
          data.transferTo(out);
        }
        out.closeEntry();
      }
    }
    return copy;
  }

  /** The traces a file sink wrote to {@code folder}, each message checked against the schema. */
  private static List<JsonNode> traces(Path folder) throws IOException {
    List<JsonNode> traces = new ArrayList<>();
    if (!Files.isDirectory(folder)) {
      return traces;
    }
    try (Stream<Path> files = Files.walk(folder)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".jsonl")).sorted().toList()) {
        for (String body : Files.readAllLines(file)) {
          assertThat(SchemaValidator.validateBody(body)).as("message in %s", file).isEmpty();
          traces.add(WireDecoder.trace(body));
        }
      }
    }
    return traces;
  }

  private static List<JsonNode> spans(JsonNode trace, String name) {
    List<JsonNode> found = new ArrayList<>();
    trace.get("spans").forEach(span -> {
      if (span.get("span_name").asText().equals(name)) {
        found.add(span);
      }
    });
    return found;
  }

  /** The one span named {@code name}, of type {@code type}, a child of {@code parent}. */
  private static JsonNode childOf(JsonNode trace, String name, String type, JsonNode parent) {
    JsonNode child = span(trace, name, type);
    assertThat(child.get("parent_span_id")).isEqualTo(parent.get("span_id"));
    return child;
  }

  private static JsonNode span(JsonNode trace, String name, String type) {
    List<JsonNode> found = spans(trace, name);
    assertThat(found).as("spans named %s", name).hasSize(1);
    assertThat(found.get(0).get("span_type").asText()).isEqualTo(type);
    return found.get(0);
  }
}
