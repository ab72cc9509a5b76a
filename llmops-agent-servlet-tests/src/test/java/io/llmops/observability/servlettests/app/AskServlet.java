package io.llmops.observability.servlettests.app;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** The application's one endpoint: {@code GET /ask?q=...} asks the assistant. */
public class AskServlet extends HttpServlet {

  private ExecutorService tools;

  @Override
  public void init() {
    tools = Executors.newFixedThreadPool(2);
  }

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    String answer;
    try {
      answer = new Assistant(tools).answer(request.getParameter("q"));
    } catch (Exception e) {
      throw new IOException(e);
    }
    response.setContentType("text/plain");
    response.getWriter().write(answer);
  }

  @Override
  public void destroy() {
    tools.shutdownNow();
  }
}
