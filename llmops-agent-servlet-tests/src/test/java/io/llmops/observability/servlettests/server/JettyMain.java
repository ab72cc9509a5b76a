package io.llmops.observability.servlettests.server;

import java.util.Map;
import org.eclipse.jetty.ee10.webapp.WebAppContext;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.ContextHandlerCollection;

/** Embedded Jetty 12 (EE 10) on 127.0.0.1, deploying the exploded WARs of the arguments. */
public final class JettyMain {

  private JettyMain() {}

  public static void main(String[] args) throws Exception {
    Server server = new Server();
    ServerConnector connector = new ServerConnector(server);
    connector.setHost("127.0.0.1");
    connector.setPort(0);
    server.addConnector(connector);
    ContextHandlerCollection contexts = new ContextHandlerCollection();
    for (Map.Entry<String, String> webApp : ServerProcess.webApps(args).entrySet()) {
      WebAppContext context = new WebAppContext();
      context.setContextPath(webApp.getKey());
      context.setWar(webApp.getValue());
      contexts.addHandler(context);
    }
    server.setHandler(contexts);
    server.start();
    ServerProcess.serveUntilStdinCloses(connector.getLocalPort(), server::stop);
  }
}
