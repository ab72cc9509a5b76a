package io.llmops.observability.servlet.testing;

import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/** Jetty 12, ee10. */
final class JettyService extends ServletService {

  private final Server server = new Server();
  private final ServerConnector connector = new ServerConnector(server);

  @Override
  public ServletService start() throws Exception {
    connector.setHost("127.0.0.1");
    connector.setPort(0);
    server.addConnector(connector);
    ServletContextHandler context = new ServletContextHandler("/");
    servlets.forEach((mapping, servlet) -> {
      ServletHolder holder = new ServletHolder(servlet);
      holder.setAsyncSupported(true);
      context.addServlet(holder, mapping);
    });
    context.addServletContainerInitializer(filters());
    server.setHandler(context);
    server.start();
    return this;
  }

  @Override
  protected int port() {
    return connector.getLocalPort();
  }

  @Override
  public void close() throws Exception {
    server.stop();
  }
}
