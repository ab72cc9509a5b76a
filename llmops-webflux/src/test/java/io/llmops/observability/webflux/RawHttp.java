package io.llmops.observability.webflux;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/** HTTP/1.1 over a plain socket, for what a client library hides: late bodies and hang-ups. */
final class RawHttp {

  private RawHttp() {}

  /** Opens a connection and sends {@code head} (request line and headers, no blank line). */
  static Socket send(int port, String head) throws IOException {
    Socket socket = new Socket("127.0.0.1", port);
    socket.setSoTimeout(10_000);
    write(socket, head + "Host: 127.0.0.1\r\n\r\n");
    return socket;
  }

  static void write(Socket socket, String text) throws IOException {
    OutputStream out = socket.getOutputStream();
    out.write(text.getBytes(StandardCharsets.US_ASCII));
    out.flush();
  }

  /** Reads until {@code marker} has arrived; returns everything read. */
  static String readUntil(Socket socket, String marker) throws IOException {
    InputStream in = socket.getInputStream();
    StringBuilder read = new StringBuilder();
    byte[] buffer = new byte[1024];
    while (read.indexOf(marker) < 0) {
      int n = in.read(buffer);
      if (n < 0) {
        throw new IOException("connection closed before " + marker + " came: " + read);
      }
      read.append(new String(buffer, 0, n, StandardCharsets.UTF_8));
    }
    return read.toString();
  }
}
