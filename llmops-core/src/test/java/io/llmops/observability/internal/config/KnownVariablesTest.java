package io.llmops.observability.internal.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The list of variables the misspelling warning knows is the list docs/CONFIGURATION.md
 * documents, which is the list of {@code LLMOPS_*} names the modules' code reads.
 */
class KnownVariablesTest {

  private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
  private static final Pattern DOCUMENTED = Pattern.compile("^\\| `(LLMOPS_[A-Z_]+)`", Pattern.MULTILINE);
  private static final Pattern READ = Pattern.compile("\"(LLMOPS_[A-Z_]+)\"");

  @Test
  void theKnownVariablesAreTheDocumentedOnes() throws IOException {
    String doc = Files.readString(ROOT.resolve("docs/CONFIGURATION.md"));
    assertThat(new TreeSet<>(KnownVariables.NAMES)).isEqualTo(matches(DOCUMENTED, doc));
  }

  @Test
  void everyVariableTheModulesReadIsKnown() throws IOException {
    Set<String> read = new TreeSet<>();
    try (Stream<Path> files = Files.walk(ROOT)) {
      files.filter(file -> file.toString().endsWith(".java"))
          .filter(file -> file.toString().contains("/src/main/"))
          .filter(file -> !file.startsWith(ROOT.resolve("benchmarks")))
          .forEach(file -> read.addAll(matches(READ, text(file))));
    }
    assertThat(read).hasSizeGreaterThan(30);
    assertThat(KnownVariables.NAMES).containsAll(read);
  }

  private static Set<String> matches(Pattern pattern, String text) {
    Set<String> out = new TreeSet<>();
    Matcher m = pattern.matcher(text);
    while (m.find()) {
      out.add(m.group(1));
    }
    return out;
  }

  private static String text(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
