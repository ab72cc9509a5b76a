package io.llmops.observability.servlettests.app;

import io.llmops.observability.TrackLlmCall;

/** Stands in for a model client: the call is recorded, nothing leaves the JVM. */
public class Model {

  @TrackLlmCall(name = "complete", model = "anthropic.claude-3-5-sonnet-20241022-v2:0")
  public String complete(String prompt) {
    return "answer to " + prompt;
  }
}
