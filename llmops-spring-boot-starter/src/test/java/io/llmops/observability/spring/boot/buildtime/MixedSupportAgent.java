package io.llmops.observability.spring.boot.buildtime;

import io.llmops.observability.TrackLlmAgent;
import io.llmops.observability.spring.boot.fixtures.ChatModelCall;
import java.util.Map;
import org.springframework.stereotype.Service;

/**
 * An agent bean not woven (Spring AOP records it) calling a tool bean woven at build time and a
 * model bean not woven.
 */
@Service
public class MixedSupportAgent {

  private final WovenFactsTool facts;
  private final ChatModelCall model;

  public MixedSupportAgent(WovenFactsTool facts, ChatModelCall model) {
    this.facts = facts;
    this.model = model;
  }

  @TrackLlmAgent(name = "support_agent")
  public Map<String, Object> answer(String question) {
    return model.complete("Answer '" + question + "' with: " + facts.lookup(question));
  }
}
