package io.llmops.observability.servlettests;

/** The WARs in embedded Jetty 12 (EE 10, {@code WebAppClassLoader}, child first). */
class JettyTest extends WarsInAContainerTest {

  @Override
  ServerJvm.Container container() {
    return ServerJvm.Container.JETTY;
  }
}
