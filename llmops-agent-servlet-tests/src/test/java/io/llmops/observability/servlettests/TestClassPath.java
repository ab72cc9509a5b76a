package io.llmops.observability.servlettests;

import java.io.File;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/** Where the test JVM found things: a class's jar or folder, the entries of its class path. */
final class TestClassPath {

  private TestClassPath() {}

  static Path locationOf(Class<?> type) {
    try {
      return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The entries of this JVM's class path whose path contains one of {@code fragments}. */
  static List<String> entriesContaining(List<String> fragments) {
    return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
        .filter(entry -> fragments.stream().anyMatch(entry.replace('\\', '/')::contains))
        .toList();
  }
}
