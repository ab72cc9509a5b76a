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
  private static final Pattern PROPERTY_ONLY = Pattern.compile("`-D(llmops\\.[a-z.-]+)=");

  @Test
  void theKnownVariablesAreTheDocumentedOnes() throws IOException {
    String doc = Files.readString(ROOT.resolve("docs/CONFIGURATION.md"));
    assertThat(new TreeSet<>(KnownVariables.NAMES)).isEqualTo(matches(DOCUMENTED, doc));
  }

  @Test
  void theSystemPropertiesReadOnlyAsSuchAreDocumented() throws IOException {
    String doc = Files.readString(ROOT.resolve("docs/CONFIGURATION.md"));
    Set<String> documented = new TreeSet<>();
    for (String property : matches(PROPERTY_ONLY, doc)) {
      documented.add(property.replace('.', '_').toUpperCase(java.util.Locale.ROOT));
    }
    assertThat(documented).containsAll(KnownVariables.PROPERTIES_ONLY);
  }

  @Test
  void everyVariableTheModulesReadIsKnown() throws IOException {
    Set<String> read = new TreeSet<>();
    try (Stream<Path> files = Files.walk(ROOT)) {
      files.filter(file -> file.toString().endsWith(".java"))
          .filter(file -> file.toString().contains("/src/main/"))
          .filter(file -> !file.startsWith(ROOT.resolve("benchmarks")))
          .filter(file -> !file.getFileName().toString().equals("KnownVariables.java"))
          .forEach(file -> read.addAll(matches(READ, text(file))));
    }
    assertThat(read).hasSizeGreaterThan(30);
    Set<String> known = new TreeSet<>(KnownVariables.NAMES);
    known.addAll(KnownVariables.PROPERTIES_ONLY);
    assertThat(known).containsAll(read);
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
