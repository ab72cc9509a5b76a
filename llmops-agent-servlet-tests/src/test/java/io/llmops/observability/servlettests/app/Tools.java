package io.llmops.observability.servlettests.app;

import io.llmops.observability.TrackLlmTool;

/** The assistant's tools; each runs on another thread than the request's. */
public class Tools {

  @TrackLlmTool(name = "weather")
  public String weather(String place) {
    return "sunny in " + place;
  }

  @TrackLlmTool(name = "search")
  public String search(String query) {
    return "3 pages about " + query;
  }
}
