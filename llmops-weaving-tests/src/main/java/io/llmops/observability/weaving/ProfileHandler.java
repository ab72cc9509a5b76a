package io.llmops.observability.weaving;

import com.sun.net.httpserver.HttpExchange;
import io.llmops.observability.Llmops;
import io.llmops.observability.ResumeExternalService;

/** The profile service's handler, a child segment of the caller's trace: woven at build time. */
public class ProfileHandler {

  @ResumeExternalService(name = "get_profile", captureArgs = false)
  public String handle(HttpExchange exchange) {
    return Llmops.span("load_profile").call(() -> "alice, premium");
  }
}
