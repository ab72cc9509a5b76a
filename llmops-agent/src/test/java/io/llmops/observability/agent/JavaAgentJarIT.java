package io.llmops.observability.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.llmops.observability.Llmops;
import io.llmops.observability.agent.fixtures.BedrockSwitchMain;
import io.llmops.observability.agent.fixtures.ContextScenariosMain;
import io.llmops.observability.agent.fixtures.SubclassFirstMain;
import io.llmops.observability.agent.fixtures.FreshJvmMain;
import io.llmops.observability.agent.testing.ChildJvm;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;

/**
 * The packaged, shaded jar: its manifest, its relocation, and {@code -javaagent} on a class path
 * that has llmops-core and the application (with the AWS SDK and llmops-bedrock for the Bedrock
 * test) but no ByteBuddy of its own.
 */
class JavaAgentJarIT {

  private final Path jar = Paths.get(System.getProperty("llmops.agent.jar"));

  @Test
  void theJarDeclaresTheAgentEntryPointsAndKeepsItsDependenciesRelocated() throws Exception {
    try (JarFile file = new JarFile(jar.toFile())) {
      Attributes manifest = file.getManifest().getMainAttributes();
      assertThat(manifest.getValue("Premain-Class")).isEqualTo(LlmopsAgent.class.getName());
      assertThat(manifest.getValue("Agent-Class")).isEqualTo(LlmopsAgent.class.getName());
      assertThat(manifest.getValue("Can-Retransform-Classes")).isEqualTo("true");
      assertThat(manifest.getValue("Can-Redefine-Classes")).isEqualTo("true");
      List<String> names = Collections.list(file.entries()).stream().map(e -> e.getName()).toList();
      assertThat(names).filteredOn(n -> n.endsWith(".class"))
          .allMatch(n -> n.startsWith("io/llmops/observability/agent/"));
      assertThat(names).contains(
          "io/llmops/observability/agent/shaded/bytebuddy/agent/ByteBuddyAgent.class",
          "io/llmops/observability/agent/shaded/asm/tree/ClassNode.class",
          "io/llmops/observability/agent/shaded/asm/commons/ClassRemapper.class");
      // The weaving is the agent's own ASM code: ByteBuddy's weaving is not in the jar.
      assertThat(names).filteredOn(n -> n.endsWith(".class")).noneMatch(n -> n.startsWith(
          "io/llmops/observability/agent/shaded/bytebuddy/")
          && !n.startsWith("io/llmops/observability/agent/shaded/bytebuddy/agent/"));
      assertThat(names).noneMatch(n -> n.startsWith("io/llmops/observability/internal/"));
    }
  }

  @Test
  void theStoredLibrariesKeepEachTheirOwnLicenceAndNotice() throws Exception {
    try (JarFile file = new JarFile(jar.toFile())) {
      for (String library : List.of("jackson-core", "jackson-databind", "jackson-annotations")) {
        for (String legal : List.of("LICENSE", "NOTICE")) {
          String name = "inst/licenses/" + library + "-jar/META-INF/" + legal;
          assertThat(file.getEntry(name)).as(name).isNotNull();
        }
      }
      // jackson-core's notice names what it bundles; the others' do not
      assertThat(new String(file.getInputStream(
              file.getEntry("inst/licenses/jackson-core-jar/META-INF/NOTICE")).readAllBytes(),
          StandardCharsets.UTF_8)).isNotEqualTo(new String(file.getInputStream(
              file.getEntry("inst/licenses/jackson-databind-jar/META-INF/NOTICE")).readAllBytes(),
          StandardCharsets.UTF_8));
    }
  }

  @Test
  void javaagentWeavesTheApplicationOnThisJdk() throws Exception {
    String java = Paths.get(System.getProperty("java.home"), "bin", "java").toString();
    assertThat(run(java)).contains("installed=true before=1 after=3 locals=true");
  }

  @Test
  void javaagentWeavesTheApplicationOnJdk25() throws Exception {
    assumeTrue(Files.isExecutable(FreshJvmTest.JDK25), "JDK 25 is not installed here");
    assertThat(run(FreshJvmTest.JDK25.toString())).contains("installed=true before=1 after=3 locals=true");
  }

  @Test
  void javaagentCarriesTheContextAcrossExecutorsAndVirtualThreadsOnJdk25() throws Exception {
    assumeTrue(Files.isExecutable(FreshJvmTest.JDK25), "JDK 25 is not installed here");
    FreshJvmTest.assertAllHandoffsOk(
        run(FreshJvmTest.JDK25.toString(), ContextScenariosMain.class), 19);
  }

  @Test
  void javaagentCarriesTheContextAcrossExecutorsOnThisJdk() throws Exception {
    String java = Paths.get(System.getProperty("java.home"), "bin", "java").toString();
    FreshJvmTest.assertAllHandoffsOk(run(java, ContextScenariosMain.class), FreshJvmTest.handoffsOnThisJdk());
  }

  @Test
  void anExecutorWhoseClassesLoadBeforeTheirWovenSuperclassesStillCarriesTheContext()
      throws Exception {
    String java = Paths.get(System.getProperty("java.home"), "bin", "java").toString();
    assertThat(run(java, SubclassFirstMain.class))
        .contains("installed=true", "ok scheduled first").doesNotContain("FAIL");
  }

  @Test
  void javaagentRecordsEveryBedrockRuntimeClientOnThisJdk() throws Exception {
    String java = Paths.get(System.getProperty("java.home"), "bin", "java").toString();
    // The test class path (AWS SDK, llmops-bedrock, the fake server) without ByteBuddy and ASM.
    List<String> classPath = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
        .filter(entry -> !entry.contains("/net/bytebuddy/") && !entry.contains("/org/ow2/asm/"))
        .toList();
    assertThat(run(java, BedrockSwitchMain.class, classPath))
        .contains("installed=true bedrock=true before=1 after=1");
  }

  @Test
  void javaagentPrintsNoJvmWarningOnThisJdk() throws Exception {
    String java = Paths.get(System.getProperty("java.home"), "bin", "java").toString();
    assertThat(ChildJvm.warnings(stderrOf(java, ContextScenariosMain.class))).isEmpty();
  }

  @Test
  void javaagentPrintsNoJvmWarningOnJdk25() throws Exception {
    assumeTrue(Files.isExecutable(FreshJvmTest.JDK25), "JDK 25 is not installed here");
    assertThat(ChildJvm.warnings(stderrOf(FreshJvmTest.JDK25.toString(), ContextScenariosMain.class)))
        .isEmpty();
  }

  private String run(String java) throws Exception {
    return run(java, FreshJvmMain.class);
  }

  /** Runs {@code main} with the agent jar and returns its standard error alone. */
  private String stderrOf(String java, Class<?> main) throws Exception {
    Path stderr = Files.createTempFile("javaagent", ".stderr");
    try {
      List<String> command = List.of(java, "-javaagent:" + jar, "-cp",
          String.join(File.pathSeparator, applicationClassPath()), main.getName(), "javaagent");
      Process process = new ProcessBuilder(command).redirectError(stderr.toFile()).start();
      String stdout = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
      assertThat(process.exitValue()).as(stdout).isZero();
      assertThat(stdout).contains("installed=true");
      return Files.readString(stderr);
    } finally {
      Files.delete(stderr);
    }
  }

  private String run(String java, Class<?> main) throws Exception {
    return run(java, main, applicationClassPath());
  }

  /** The application's class path: the fixtures, llmops-core and Jackson, no ByteBuddy. */
  private static List<String> applicationClassPath() throws Exception {
    List<String> classPath = new ArrayList<>();
    for (Class<?> type : List.of(FreshJvmMain.class, Llmops.class, ObjectMapper.class,
        JsonFactory.class, JsonProperty.class)) {
      classPath.add(new File(type.getProtectionDomain().getCodeSource().getLocation().toURI()).getPath());
    }
    return classPath;
  }

  private String run(String java, Class<?> main, List<String> classPath) throws Exception {
    List<String> command = List.of(java, "-javaagent:" + jar, "-cp",
        String.join(File.pathSeparator, classPath), main.getName(), "javaagent");
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    byte[] output = process.getInputStream().readAllBytes();
    assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
    String text = new String(output, StandardCharsets.UTF_8);
    assertThat(process.exitValue()).as(text).isZero();
    assertThat(text).doesNotContain("SEVERE", "could not weave");
    return text;
  }
}
