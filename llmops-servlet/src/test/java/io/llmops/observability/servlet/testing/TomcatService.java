package io.llmops.observability.servlet.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.apache.catalina.Wrapper;
import org.apache.catalina.connector.Connector;
import org.apache.catalina.core.StandardContext;
import org.apache.catalina.startup.Tomcat;

/** Tomcat 11, embedded. */
final class TomcatService extends ServletService {

  private final Tomcat tomcat = new Tomcat();
  private final Connector connector = new Connector();
  private Path baseDir;

  @Override
  public ServletService start() throws Exception {
    baseDir = Files.createTempDirectory("tomcat");
    tomcat.setBaseDir(baseDir.toString());
    connector.setPort(0);
    connector.setProperty("address", "127.0.0.1");
    tomcat.getService().addConnector(connector);
    tomcat.setConnector(connector);
    StandardContext context = (StandardContext) tomcat.addContext("", baseDir.toString());
    // Leak detection needs --add-opens, and warns at every stop without it.
    context.setClearReferencesThreadLocals(false);
    context.setClearReferencesRmiTargets(false);
    int i = 0;
    for (var entry : servlets.entrySet()) {
      Wrapper wrapper = Tomcat.addServlet(context, "servlet-" + i++, entry.getValue());
      wrapper.setAsyncSupported(true);
      context.addServletMappingDecoded(entry.getKey(), wrapper.getName());
    }
    context.addServletContainerInitializer(filters(), null);
    tomcat.start();
    return this;
  }

  @Override
  protected int port() {
    return connector.getLocalPort();
  }

  @Override
  public void close() throws Exception {
    tomcat.stop();
    tomcat.destroy();
    try (Stream<Path> files = Files.walk(baseDir)) {
      files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
    }
  }
}
