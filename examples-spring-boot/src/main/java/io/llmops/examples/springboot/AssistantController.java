package io.llmops.examples.springboot;

import org.springframework.ai.chat.client.ChatClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /ask?question=...}: one Spring AI ChatClient call. */
@RestController
public class AssistantController {

  private final ChatClient chat;

  public AssistantController(ChatClient chat) {
    this.chat = chat;
  }

  @GetMapping("/ask")
  public String ask(@RequestParam String question) {
    return chat.prompt().user(question).call().content();
  }
}
