package io.llmops.observability.servlettests.server;

import java.nio.file.Files;
import java.util.Map;
import org.apache.catalina.connector.Connector;
import org.apache.catalina.startup.Tomcat;

/** Embedded Tomcat on 127.0.0.1, deploying the exploded WARs of the arguments. */
public final class TomcatMain {

  private TomcatMain() {}

  public static void main(String[] args) throws Exception {
    Tomcat tomcat = new Tomcat();
    tomcat.setBaseDir(Files.createTempDirectory("tomcat").toString());
    Connector connector = new Connector();
    connector.setPort(0);
    connector.setProperty("address", "127.0.0.1");
    tomcat.setConnector(connector);
    // Only the applications' own web.xml: no JSP servlet (Jasper is not on the class path).
    tomcat.setAddDefaultWebXmlToWebapp(false);
    for (Map.Entry<String, String> webApp : ServerProcess.webApps(args).entrySet()) {
      tomcat.addWebapp(webApp.getKey(), webApp.getValue());
    }
    tomcat.start();
    ServerProcess.serveUntilStdinCloses(connector.getLocalPort(), () -> {
      tomcat.stop();
      tomcat.destroy();
    });
  }
}
