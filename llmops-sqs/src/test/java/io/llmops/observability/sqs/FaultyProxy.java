package io.llmops.observability.sqs;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * A TCP proxy on 127.0.0.1 in front of a real server (ElasticMQ) that forwards every request at
 * once and can (a) swallow the server's answer on the next {@code n} connections, closing them
 * once the server has answered (the request was processed, the client never learns it), and
 * (b) hold every answer for a while, like a slow network.
 */
final class FaultyProxy implements AutoCloseable {

  private final ServerSocket listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
  private final int targetPort;
  private final List<Socket> sockets = Collections.synchronizedList(new ArrayList<>());
  private final AtomicInteger answersToSwallow = new AtomicInteger();
  private final AtomicInteger swallowed = new AtomicInteger();
  private volatile long holdNanos;

  FaultyProxy(int targetPort) throws IOException {
    this.targetPort = targetPort;
    Thread acceptor = new Thread(this::accept, "faulty-proxy");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  int port() {
    return listener.getLocalPort();
  }

  /** The queue URL that reaches {@code queueName} through this proxy. */
  String queueUrl(String queueName) {
    return ElasticMq.queueUrl(port(), queueName);
  }

  /** The next {@code n} connections get no answer: closed after the server answered. */
  FaultyProxy swallowAnswers(int n) {
    answersToSwallow.set(n);
    return this;
  }

  /** How many answers were swallowed so far. */
  int swallowed() {
    return swallowed.get();
  }

  /** Holds every chunk of every answer for {@code hold} before passing it on. */
  FaultyProxy holdAnswers(Duration hold) {
    holdNanos = hold.toNanos();
    return this;
  }

  private void accept() {
    try {
      while (true) {
        Socket client = listener.accept();
        Socket server = new Socket(InetAddress.getLoopbackAddress(), targetPort);
        sockets.add(client);
        sockets.add(server);
        pump(client, server, false);
        pump(server, client, true);
      }
    } catch (IOException closed) {
      // the proxy is closed
    }
  }

  private void pump(Socket from, Socket to, boolean answers) {
    Thread t = new Thread(() -> {
      byte[] buffer = new byte[65_536];
      boolean first = true;
      try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
        int n;
        while ((n = in.read(buffer)) >= 0) {
          if (answers && first && answersToSwallow.getAndUpdate(left -> Math.max(0, left - 1)) > 0) {
            swallowed.incrementAndGet();
            from.close();
            to.close();
            return;
          }
          first = false;
          if (answers && holdNanos > 0) {
            LockSupport.parkNanos(holdNanos);
          }
          out.write(buffer, 0, n);
          out.flush();
        }
      } catch (IOException closed) {
        // either side closed
      }
    }, "faulty-proxy-pump");
    t.setDaemon(true);
    t.start();
  }

  @Override
  public void close() throws IOException {
    listener.close();
    synchronized (sockets) {
      for (Socket s : sockets) {
        s.close();
      }
    }
  }
}
