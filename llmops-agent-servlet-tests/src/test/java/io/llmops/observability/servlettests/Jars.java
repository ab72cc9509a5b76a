package io.llmops.observability.servlettests;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;

/** Copies class path entries, jars or class folders, into a folder as jars. */
final class Jars {

  private Jars() {}

  /**
   * Copies the jar {@code entry} into {@code lib}; a class folder (a module of this reactor built
   * without {@code package}) is packed into a jar named after its module.
   */
  static void copyInto(Path entry, Path lib) throws IOException {
    if (Files.isRegularFile(entry)) {
      Files.copy(entry, lib.resolve(entry.getFileName()));
      return;
    }
    Path module = entry.getParent().getParent();
    try (OutputStream out = Files.newOutputStream(lib.resolve(module.getFileName() + ".jar"));
        JarOutputStream jar = new JarOutputStream(out);
        var files = Files.walk(entry)) {
      for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
        jar.putNextEntry(new JarEntry(String.join("/", names(entry.relativize(file)))));
        Files.copy(file, jar);
        jar.closeEntry();
      }
    }
  }

  private static List<String> names(Path relative) {
    return java.util.stream.StreamSupport.stream(relative.spliterator(), false)
        .map(Path::toString).toList();
  }
}
