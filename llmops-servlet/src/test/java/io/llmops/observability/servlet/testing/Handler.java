package io.llmops.observability.servlet.testing;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** A servlet's body as a lambda. */
@FunctionalInterface
public interface Handler {

  void handle(HttpServletRequest request, HttpServletResponse response) throws Exception;

  /** This handler as an async-capable servlet. */
  default HttpServlet asServlet() {
    Handler handler = this;
    return new HttpServlet() {
      @Override
      protected void service(HttpServletRequest request, HttpServletResponse response)
          throws IOException {
        try {
          handler.handle(request, response);
        } catch (IOException | RuntimeException e) {
          throw e;
        } catch (Exception e) {
          throw new IllegalStateException(e);
        }
      }
    };
  }

  /** Answers {@code status} with {@code body}. */
  static void respond(HttpServletResponse response, int status, String body) throws IOException {
    response.setStatus(status);
    response.setContentType("text/plain");
    response.getWriter().write(body);
  }
}
