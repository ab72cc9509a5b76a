package io.llmops.observability.servlettests.app;

import io.llmops.observability.TrackLlmAgent;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;

/** An agent that runs one tool on the servlet's executor and one on the common pool. */
public class Assistant {

  private final ExecutorService executor;
  private final Tools tools = new Tools();
  private final Model model = new Model();

  public Assistant(ExecutorService executor) {
    this.executor = executor;
  }

  @TrackLlmAgent(name = "assistant")
  public String answer(String question) throws Exception {
    String weather = executor.submit(() -> tools.weather(question)).get();
    String found = CompletableFuture.supplyAsync(() -> tools.search(question)).join();
    return model.complete(question + " / " + weather + " / " + found);
  }
}
