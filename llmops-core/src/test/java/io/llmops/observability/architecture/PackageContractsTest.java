package io.llmops.observability.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every package of every module of the SDK states its contract in a {@code package-info.java}:
 * a package named {@code internal} says that it is not API, every other package is JSpecify
 * {@code @NullMarked}. Reads the sources of all modules, so that a new module or package cannot
 * leave its contract unwritten.
 */
class PackageContractsTest {

  private static final String SDK_PACKAGES = "io/llmops/observability";
  private static final String INTERNAL_NOTE = "Internal, may change without notice; do not use.";

  @Test
  void everyPackageOfEveryModuleHasAPackageInfo() throws IOException {
    List<Path> packages = sdkPackages();
    assertThat(packages).as("packages read").hasSizeGreaterThan(10);
    assertThat(packages).filteredOn(dir -> !Files.exists(dir.resolve("package-info.java")))
        .as("packages without a package-info.java").isEmpty();
  }

  @Test
  void everyInternalPackageSaysItIsNotApi() throws IOException {
    assertThat(sdkPackages()).filteredOn(PackageContractsTest::isNamedInternal)
        .filteredOn(dir -> !packageInfo(dir).contains(INTERNAL_NOTE))
        .as("internal packages whose package-info does not say \"" + INTERNAL_NOTE + "\"")
        .isEmpty();
  }

  @Test
  void everyPackageThatIsNotInternalIsNullMarked() throws IOException {
    assertThat(sdkPackages()).filteredOn(dir -> !packageInfo(dir).contains(INTERNAL_NOTE))
        .filteredOn(dir -> !packageInfo(dir).contains("@NullMarked"))
        .as("API packages whose package-info is not @NullMarked").isEmpty();
  }

  private static boolean isNamedInternal(Path dir) {
    return dir.toString().replace('\\', '/').contains("/internal");
  }

  private static String packageInfo(Path dir) {
    try {
      Path file = dir.resolve("package-info.java");
      return Files.exists(file) ? Files.readString(file) : "";
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The directories holding main sources of {@code io.llmops.observability...}, in every module. */
  private static List<Path> sdkPackages() throws IOException {
    Path root = Path.of("").toAbsolutePath().getParent();
    assertThat(root.resolve("llmops-core")).as("the repository root").isDirectory();
    try (Stream<Path> modules = Files.list(root)) {
      return modules.map(module -> module.resolve("src/main/java").resolve(SDK_PACKAGES))
          .filter(Files::isDirectory)
          .flatMap(PackageContractsTest::directoriesWithSources)
          .sorted()
          .toList();
    }
  }

  private static Stream<Path> directoriesWithSources(Path top) {
    try (Stream<Path> walk = Files.walk(top)) {
      return walk.filter(Files::isDirectory).filter(PackageContractsTest::holdsJavaClasses)
          .toList().stream();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static boolean holdsJavaClasses(Path dir) {
    try (Stream<Path> files = Files.list(dir)) {
      return files.anyMatch(f -> f.toString().endsWith(".java")
          && !f.getFileName().toString().equals("package-info.java"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
