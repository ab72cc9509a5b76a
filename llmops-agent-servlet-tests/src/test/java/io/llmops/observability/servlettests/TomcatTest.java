package io.llmops.observability.servlettests;

/** The WARs in embedded Tomcat 11 ({@code WebappClassLoader}, child first). */
class TomcatTest extends WarsInAContainerTest {

  @Override
  ServerJvm.Container container() {
    return ServerJvm.Container.TOMCAT;
  }
}
