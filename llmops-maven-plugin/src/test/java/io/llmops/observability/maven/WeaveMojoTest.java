package io.llmops.observability.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.llmops.observability.maven.fixtures.Annotated;
import io.llmops.observability.maven.fixtures.Plain;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.apache.maven.artifact.Artifact;
import org.apache.maven.artifact.DefaultArtifact;
import org.apache.maven.artifact.handler.DefaultArtifactHandler;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.project.MavenProject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The goal weave on a folder of compiled classes, its log read back. */
class WeaveMojoTest {

  @TempDir
  Path classes;

  private final RecordingLog log = new RecordingLog();

  @Test
  void annotatedClassesAreWovenAndOneLineSaysHowMany() throws Exception {
    Path annotated = copy(Annotated.class);
    byte[] compiled = Files.readAllBytes(annotated);

    mojo(agent("compile")).execute();

    assertThat(Files.readAllBytes(annotated)).isNotEqualTo(compiled);
    assertThat(log.lines).containsExactly("info: llmops: wove 1 method(s) in 1 class(es) of the classes");
  }

  @Test
  void aClassWithoutAnnotationsIsLeftByteForByte() throws Exception {
    Path plain = copy(Plain.class);
    byte[] compiled = Files.readAllBytes(plain);

    mojo(agent("runtime")).execute();

    assertThat(Files.readAllBytes(plain)).isEqualTo(compiled);
    assertThat(log.lines).containsExactly("info: llmops: wove 0 method(s) in 0 class(es) of the classes");
  }

  @Test
  void weavingTheSameFolderAgainChangesNothing() throws Exception {
    Path annotated = copy(Annotated.class);
    mojo(agent("compile")).execute();
    byte[] once = Files.readAllBytes(annotated);

    mojo(agent("compile")).execute();

    assertThat(Files.readAllBytes(annotated)).isEqualTo(once);
    assertThat(log.lines).endsWith("info: llmops: wove 0 method(s) in 0 class(es) of the classes");
  }

  @Test
  void aClassFileOlderThanJava11IsLeftUnwovenWithAWarningNamingIt() throws Exception {
    Path annotated = copy(Annotated.class);
    byte[] java8 = Files.readAllBytes(annotated);
    java8[7] = 52;
    Files.write(annotated, java8);

    mojo(agent("compile")).execute();

    assertThat(Files.readAllBytes(annotated)).isEqualTo(java8);
    assertThat(log.lines).first().asString().startsWith("warn: llmops: left unwoven, its @Track* "
        + "annotations do nothing: io.llmops.observability.maven.fixtures.Annotated: its class "
        + "file version 52 is older than 55 (Java 11)");
  }

  @Test
  void withoutTheAgentAsADependencyTheBuildFailsNamingIt() throws Exception {
    copy(Annotated.class);

    assertThatThrownBy(() -> mojo(agent("provided")).execute())
        .isInstanceOf(MojoFailureException.class)
        .hasMessageContaining("add the dependency io.llmops:llmops-agent:1.2.3");
  }

  @Test
  void skipLeavesEveryClassAsCompiled() throws Exception {
    Path annotated = copy(Annotated.class);
    byte[] compiled = Files.readAllBytes(annotated);
    WeaveMojo mojo = mojo(Set.of());
    mojo.skip = true;

    mojo.execute();

    assertThat(Files.readAllBytes(annotated)).isEqualTo(compiled);
    assertThat(log.lines).containsExactly("info: llmops: weaving skipped (llmops.weave.skip)");
  }

  private WeaveMojo mojo(Set<Artifact> artifacts) {
    MavenProject project = new MavenProject();
    project.setArtifactId("shop");
    project.setArtifacts(artifacts);
    WeaveMojo mojo = new WeaveMojo();
    mojo.project = project;
    mojo.classesFolder = classes.toFile();
    mojo.pluginVersion = "1.2.3";
    mojo.setLog(log);
    return mojo;
  }

  private static Set<Artifact> agent(String scope) {
    return Set.of(new DefaultArtifact("io.llmops", "llmops-agent", "1.2.3", scope, "jar", null,
        new DefaultArtifactHandler("jar")));
  }

  private Path copy(Class<?> type) throws IOException {
    String resource = type.getName().replace('.', '/') + ".class";
    Path target = classes.resolve(resource);
    Files.createDirectories(target.getParent());
    try (InputStream in = type.getClassLoader().getResourceAsStream(resource)) {
      Files.write(target, in.readAllBytes());
    }
    return target;
  }
}
