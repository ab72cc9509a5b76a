package io.llmops.observability.spring.boot.buildtime;

import io.llmops.observability.TrackLlmTool;
import org.springframework.stereotype.Component;

/** A tool bean whose class the test weaves at build time ({@link BuildTimeWoven}). */
@Component
public class WovenFactsTool {

  @TrackLlmTool(name = "facts_lookup")
  public String lookup(String query) {
    return "Paris is the capital of France";
  }
}
