package io.llmops.observability.maven.internal;

import io.llmops.observability.agent.internal.BuildTimeWeaver;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Weaves every class file of a folder in place with {@link BuildTimeWeaver}; a class file it
 * leaves as it is is not written. Internal.
 */
public final class ClassFolderWeaver {

  /**
   * What weaving one folder did.
   *
   * @param classes how many class files were woven
   * @param methods how many methods they have woven
   * @param notWoven one line per class with annotated methods left as it was, with the reason
   * @param failures one line per class that could not be woven (left as it was)
   */
  public record Summary(int classes, int methods, List<String> notWoven, List<String> failures) {}

  private ClassFolderWeaver() {}

  /** Weaves the class files under {@code folder}; a folder that does not exist has none. */
  public static Summary weave(Path folder) throws IOException {
    int classes = 0;
    int methods = 0;
    List<String> notWoven = new ArrayList<>();
    List<String> failures = new ArrayList<>();
    for (Path classFile : classFiles(folder)) {
      String name = className(folder, classFile);
      BuildTimeWeaver.Result result;
      try {
        result = BuildTimeWeaver.weave(Files.readAllBytes(classFile));
      } catch (RuntimeException | LinkageError e) {
        failures.add(name + ": " + e);
        continue;
      }
      if (result.notWoven() != null) {
        notWoven.add(name + ": " + result.notWoven());
      } else if (result.classFile() != null) {
        Files.write(classFile, result.classFile());
        classes++;
        methods += result.methods();
      }
    }
    return new Summary(classes, methods, List.copyOf(notWoven), List.copyOf(failures));
  }

  private static List<Path> classFiles(Path folder) throws IOException {
    if (!Files.isDirectory(folder)) {
      return List.of();
    }
    try (Stream<Path> files = Files.walk(folder)) {
      return files.filter(file -> file.toString().endsWith(".class") && Files.isRegularFile(file))
          .sorted().toList();
    }
  }

  private static String className(Path folder, Path classFile) {
    String relative = folder.relativize(classFile).toString().replace(File.separatorChar, '.');
    return relative.substring(0, relative.length() - ".class".length());
  }
}
