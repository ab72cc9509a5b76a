package io.llmops.observability.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * No module but llmops-core names a class of the core's {@code internal} packages, in its code or
 * its tests, whether in an import, a qualified name or a class name in a string: modules build on
 * the public API and {@code io.llmops.observability.spi}, so the core's internals can change
 * without breaking them. The benchmarks are the one exception: they measure internal stages
 * (the encoder) on purpose and are never shipped.
 */
class ModulesUseOnlyTheSpiTest {

  private static final Pattern MODULE = Pattern.compile("<module>([^<]+)</module>");
  /** An internal package of the core, or the engine's door behind the facades. */
  private static final Pattern INTERNAL =
      Pattern.compile("io\\.llmops\\.observability\\.internal\\b|\\bLlmopsEngine\\b");
  private static final Set<String> MAY_USE_INTERNALS = Set.of("llmops-core", "benchmarks");

  @Test
  void noOtherModuleNamesAnInternalClassOfTheCore() throws IOException {
    Path root = Path.of("..").toAbsolutePath().normalize();
    List<String> modules = modules(root);
    assertThat(modules).as("modules of " + root).contains("llmops-core", "llmops-sqs", "llmops-agent");
    List<String> found = new ArrayList<>();
    for (String module : modules) {
      if (!MAY_USE_INTERNALS.contains(module)) {
        found.addAll(internalNames(root.resolve(module)));
      }
    }
    assertThat(found).as("uses of the core's internal packages outside llmops-core").isEmpty();
  }

  @Test
  void aUseInAnyFormIsFound(@org.junit.jupiter.api.io.TempDir Path module) throws IOException {
    Path source = module.resolve("src/main/java/p/A.java");
    Files.createDirectories(source.getParent());
    Files.writeString(source, String.join("\n", "package p;",
        "import io.llmops.observability.internal.engine.Tracer;",
        "/** Unlike io.llmops.observability.internal in a comment. */",
        "class A { Object b = io.llmops.observability.internal.wire.Redactor.class;",
        "  String c = \"io.llmops.observability.internal.engine.EngineBridge\";",
        "  io.llmops.observability.LlmopsEngine d; }"));
    assertThat(internalNames(module)).hasSize(4);
  }

  private static List<String> modules(Path root) throws IOException {
    Matcher matcher = MODULE.matcher(Files.readString(root.resolve("pom.xml")));
    List<String> modules = new ArrayList<>();
    while (matcher.find()) {
      modules.add(matcher.group(1).trim());
    }
    return modules;
  }

  /** "file:line" of each code line (not a comment) that names an internal package of the core. */
  private static List<String> internalNames(Path module) throws IOException {
    Path sources = module.resolve("src");
    if (!Files.isDirectory(sources)) {
      return List.of();
    }
    try (Stream<Path> files = Files.walk(sources)) {
      return files.filter(file -> file.toString().endsWith(".java"))
          .flatMap(file -> internalNamesIn(module, file).stream())
          .toList();
    }
  }

  private static List<String> internalNamesIn(Path module, Path file) {
    try {
      List<String> lines = Files.readAllLines(file);
      List<String> found = new ArrayList<>();
      for (int i = 0; i < lines.size(); i++) {
        String line = lines.get(i).strip();
        boolean comment = line.startsWith("*") || line.startsWith("/*") || line.startsWith("//");
        if (!comment && INTERNAL.matcher(line).find()) {
          found.add(module.relativize(file) + ":" + (i + 1));
        }
      }
      return found;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
