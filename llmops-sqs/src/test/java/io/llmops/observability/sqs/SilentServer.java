package io.llmops.observability.sqs;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A server on 127.0.0.1 that accepts every connection and never answers: SQS hanging. */
final class SilentServer implements AutoCloseable {

  private final ServerSocket socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
  private final List<Socket> accepted = new CopyOnWriteArrayList<>();

  SilentServer() throws IOException {
    Thread acceptor = new Thread(() -> {
      try {
        while (true) {
          accepted.add(socket.accept()); // accept, then never answer
        }
      } catch (IOException closed) {
        // the server was closed
      }
    }, "silent-server");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  int port() {
    return socket.getLocalPort();
  }

  @Override
  public void close() throws IOException {
    socket.close();
    for (Socket connection : accepted) {
      connection.close();
    }
  }
}
