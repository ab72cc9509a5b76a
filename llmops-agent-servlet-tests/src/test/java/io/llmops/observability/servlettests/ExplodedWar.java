package io.llmops.observability.servlettests;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.llmops.observability.Llmops;
import io.llmops.observability.servlettests.app.AskServlet;
import io.llmops.observability.servlettests.app.LlmopsSetup;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The fixture application as an exploded WAR: the classes of the {@code app} package in
 * {@code WEB-INF/classes} and a {@code web.xml}; with its own {@code llmops-core} (and the core's
 * dependencies) in {@code WEB-INF/lib}, configured at start-up by {@link LlmopsSetup}, or without
 * it, so that only the agent can record.
 */
final class ExplodedWar {

  private static final List<Class<?>> CORE_AND_ITS_DEPENDENCIES = List.of(Llmops.class,
      ObjectMapper.class, JsonFactory.class, JsonProperty.class, Nullable.class);

  /** The jars of {@code llmops-core} and its dependencies, as the test class path holds them. */
  static List<Path> coreJars() {
    return CORE_AND_ITS_DEPENDENCIES.stream().map(TestClassPath::locationOf).toList();
  }

  private ExplodedWar() {}

  /** A WAR carrying {@code llmops-core}, which writes project {@code project}'s traces to {@code traces}. */
  static Path withCore(Path war, String project, Path traces) throws IOException {
    copyApplicationClasses(war, true);
    Path lib = Files.createDirectories(war.resolve("WEB-INF/lib"));
    for (Path jar : coreJars()) {
      Jars.copyInto(jar, lib);
    }
    writeWebXml(war, """
          <context-param>
            <param-name>llmops.project</param-name>
            <param-value>%s</param-value>
          </context-param>
          <context-param>
            <param-name>llmops.folder</param-name>
            <param-value>%s</param-value>
          </context-param>
          <listener>
            <listener-class>%s</listener-class>
          </listener>
        """.formatted(project, traces.toAbsolutePath(), LlmopsSetup.class.getName()));
    return war;
  }

  /** A WAR with no {@code llmops-core}: the application only carries the annotations' names. */
  static Path agentOnly(Path war) throws IOException {
    copyApplicationClasses(war, false);
    writeWebXml(war, "");
    return war;
  }

  private static void copyApplicationClasses(Path war, boolean withSetup) throws IOException {
    String packagePath = AskServlet.class.getPackageName().replace('.', '/');
    Path source = TestClassPath.locationOf(AskServlet.class).resolve(packagePath);
    Path target = Files.createDirectories(war.resolve("WEB-INF/classes").resolve(packagePath));
    try (var classes = Files.list(source)) {
      for (Path file : classes.toList()) {
        boolean setup = file.getFileName().toString().startsWith(LlmopsSetup.class.getSimpleName());
        if (withSetup || !setup) {
          Files.copy(file, target.resolve(file.getFileName()));
        }
      }
    }
  }

  private static void writeWebXml(Path war, String coreSetup) throws IOException {
    Files.writeString(war.resolve("WEB-INF/web.xml"), """
        <?xml version="1.0" encoding="UTF-8"?>
        <web-app xmlns="https://jakarta.ee/xml/ns/jakartaee" version="6.0"
                 metadata-complete="true">
        %s
          <servlet>
            <servlet-name>ask</servlet-name>
            <servlet-class>%s</servlet-class>
          </servlet>
          <servlet-mapping>
            <servlet-name>ask</servlet-name>
            <url-pattern>/ask</url-pattern>
          </servlet-mapping>
        </web-app>
        """.formatted(coreSetup, AskServlet.class.getName()));
  }
}
