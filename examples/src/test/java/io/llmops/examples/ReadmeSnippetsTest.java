package io.llmops.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every Java snippet of the README compiles as it is pasted, imports included, against the
 * SDK's modules and the AWS SDK: each is a whole source file.
 */
class ReadmeSnippetsTest {

  private static final Pattern JAVA_BLOCK = Pattern.compile("```java\\n(.*?)```", Pattern.DOTALL);
  private static final Pattern CLASS_NAME = Pattern.compile("^class (\\w+)", Pattern.MULTILINE);

  @TempDir Path dir;

  @Test
  void everyJavaSnippetOfTheReadmeCompiles() throws IOException {
    String readme = Files.readString(Path.of("..", "README.md").toAbsolutePath().normalize());
    List<Path> sources = new ArrayList<>();
    Matcher block = JAVA_BLOCK.matcher(readme);
    while (block.find()) {
      String code = block.group(1);
      Matcher name = CLASS_NAME.matcher(code);
      assertThat(name.find()).as("snippet declares a top-level class:%n%s", code).isTrue();
      Path snippet = Files.createDirectories(dir.resolve("snippet" + sources.size()))
          .resolve(name.group(1) + ".java");
      sources.add(Files.writeString(snippet, code));
    }
    assertThat(sources).as("Java snippets in the README").hasSizeGreaterThanOrEqualTo(6);

    JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    List<String> errors = new ArrayList<>();
    try (StandardJavaFileManager files = compiler.getStandardFileManager(diagnostics, Locale.ROOT, null)) {
      for (Path source : sources) {
        boolean compiled = compiler.getTask(null, files, diagnostics,
            List.of("-classpath", System.getProperty("java.class.path"), "-d",
                Files.createDirectories(dir.resolve("classes")).toString(), "-proc:none"),
            null, files.getJavaFileObjects(source)).call();
        if (!compiled) {
          errors.add(source.getFileName() + " did not compile");
        }
      }
    }
    for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
      if (d.getKind() == Diagnostic.Kind.ERROR) {
        errors.add(d.getSource().getName() + ":" + d.getLineNumber() + ": " + d.getMessage(Locale.ROOT));
      }
    }
    assertThat(errors).isEmpty();
  }
}
