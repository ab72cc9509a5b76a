package io.llmops.examples.springboot;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The endpoint; its request becomes the trace's server span. */
@RestController
public class SupportController {

  private final SupportAgent agent;

  public SupportController(SupportAgent agent) {
    this.agent = agent;
  }

  @GetMapping("/support")
  public String support(@RequestParam String city, @RequestParam String question) {
    return agent.answer(city, question);
  }
}
