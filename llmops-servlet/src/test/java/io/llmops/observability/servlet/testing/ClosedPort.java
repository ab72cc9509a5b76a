package io.llmops.observability.servlet.testing;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;

/** A service that is down: a port on 127.0.0.1 that was just free, so a connection is refused. */
public final class ClosedPort {

  private ClosedPort() {}

  public static URI uri(String path) throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return URI.create("http://127.0.0.1:" + socket.getLocalPort() + path);
    }
  }
}
