package io.llmops.observability.agent.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarInputStream;
import java.util.jar.Manifest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StoredJarTest {

  /** Longer than a manifest line, as the hand-off class's name is once relocated. */
  private static final String LONG_NAME =
      "io.llmops.observability.agent.internal.some.deeper.package.InstrumentationHandOff";

  @Test
  void manifestIsWhatTheJdkWritesLongValuesIncluded() throws IOException {
    Map<String, String> attributes = attributes();
    Manifest expected = new Manifest();
    expected.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
    attributes.forEach(expected.getMainAttributes()::putValue);
    ByteArrayOutputStream jdk = new ByteArrayOutputStream();
    expected.write(jdk);

    assertThat(new String(StoredJar.manifest(attributes), "US-ASCII"))
        .isEqualTo(jdk.toString("US-ASCII"))
        .contains("\r\n "); // the long value went on in a second line
  }

  @Test
  void jarFileAndJarStreamReadEveryEntryBack(@TempDir Path folder) throws IOException {
    byte[] classFile = new byte[3000];
    for (int i = 0; i < classFile.length; i++) {
      classFile[i] = (byte) (i * 31);
    }
    Map<String, byte[]> entries = new LinkedHashMap<>();
    entries.put("META-INF/MANIFEST.MF", StoredJar.manifest(attributes()));
    entries.put("io/llmops/Example.class", classFile);
    entries.put("empty.txt", new byte[0]);
    Path jar = folder.resolve("stored.jar");
    Files.write(jar, StoredJar.of(entries));

    try (JarFile file = new JarFile(jar.toFile())) {
      assertThat(file.getManifest().getMainAttributes().getValue("Agent-Class"))
          .isEqualTo(LONG_NAME);
      assertThat(file.getManifest().getMainAttributes().getValue("Can-Retransform-Classes"))
          .isEqualTo("true");
      assertThat(file.size()).isEqualTo(3);
      JarEntry entry = file.getJarEntry("io/llmops/Example.class");
      assertThat(entry.getMethod()).isEqualTo(JarEntry.STORED);
      assertThat(file.getInputStream(entry).readAllBytes()).isEqualTo(classFile);
      assertThat(file.getInputStream(file.getJarEntry("empty.txt")).readAllBytes()).isEmpty();
    }
    // the local headers, which a streaming reader checks (CRC included), agree too
    try (JarInputStream in = new JarInputStream(
        new ByteArrayInputStream(Files.readAllBytes(jar)), true)) {
      assertThat(in.getManifest().getMainAttributes().getValue("Agent-Class"))
          .isEqualTo(LONG_NAME);
      assertThat(in.getNextJarEntry().getName()).isEqualTo("io/llmops/Example.class");
      assertThat(in.readAllBytes()).isEqualTo(classFile);
      assertThat(in.getNextJarEntry().getName()).isEqualTo("empty.txt");
      assertThat(in.getNextJarEntry()).isNull();
    }
  }

  private static Map<String, String> attributes() {
    Map<String, String> attributes = new LinkedHashMap<>();
    attributes.put("Agent-Class", LONG_NAME);
    attributes.put("Can-Retransform-Classes", "true");
    return attributes;
  }
}
