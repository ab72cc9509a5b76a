package io.llmops.observability.agent.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.llmops.observability.agent.fixtures.ProfileHandler;
import io.llmops.observability.agent.fixtures.RecordingEvaluationHandler;
import io.llmops.observability.agent.fixtures.Service;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The byte search that decides which class files are parsed for annotations at all. */
class ClassFilesTest {

  @Test
  void aClassThatUsesTrackAnnotationsMayUseThem() {
    assertThat(ClassFiles.mayUseTrackedAnnotations(ClassFiles.of(Service.class))).isTrue();
  }

  @Test
  void aClassThatUsesOnlyResumeExternalServiceMayUseThem() {
    assertThat(ClassFiles.mayUseTrackedAnnotations(ClassFiles.of(ProfileHandler.class))).isTrue();
  }

  @Test
  void aClassThatNamesOtherTypesOfTheSdkPackageOnlyIsLeftAlone() {
    byte[] classFile = ClassFiles.of(RecordingEvaluationHandler.class);

    assertThat(ClassFiles.contains(classFile, "Lio/llmops/observability/")).isTrue();
    assertThat(ClassFiles.mayUseTrackedAnnotations(classFile)).isFalse();
  }

  @Test
  void thePackageNameCutShortAtTheEndOfTheFileIsNoMatch() {
    byte[] cut = "xxLio/llmops/observability/Resume".getBytes(StandardCharsets.US_ASCII);

    assertThat(ClassFiles.mayUseTrackedAnnotations(cut)).isFalse();
  }

  @Test
  void readingJarsAndFoldersDirectlyGivesTheBytesTheClassLoaderServes() throws Exception {
    Class<?>[] types = {org.assertj.core.api.Assertions.class, // a jar
        io.llmops.observability.agent.fixtures.Service.class}; // a folder
    byte[][] throughLoaders = new byte[types.length][];
    for (int i = 0; i < types.length; i++) {
      throughLoaders[i] = ClassFiles.of(types[i]);
    }
    try (AutoCloseable direct = ClassFiles.readingJarsDirectly()) {
      for (int i = 0; i < types.length; i++) {
        org.assertj.core.api.Assertions.assertThat(ClassFiles.of(types[i]))
            .isNotEmpty().isEqualTo(throughLoaders[i]);
      }
      org.assertj.core.api.Assertions.assertThat(ClassFiles.of(String.class)).isNotEmpty();
    }
  }
}
