package io.llmops.examples.springboot;

import io.llmops.observability.springai.LlmopsStreams;
import org.springframework.ai.chat.client.ChatClient;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;

/**
 * The Spring AI endpoints, each one {@link ChatClient} call: {@code GET /ask?question=...}
 * answers at once, {@code GET /ask/stream?question=...} streams the answer as server-sent events
 * and {@code GET /ask/weather?question=...} lets the model call the {@link AssistantTools}.
 */
@RestController
public class AssistantController {

  private final ChatClient chat;
  private final AssistantTools tools;

  public AssistantController(ChatClient chat, AssistantTools tools) {
    this.chat = chat;
    this.tools = tools;
  }

  @GetMapping("/ask")
  public String ask(@RequestParam String question) {
    return chat.prompt().user(question).call().content();
  }

  /** The wrapper adds the time to first token to the stream's generation. */
  @GetMapping(path = "/ask/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
  public Flux<String> askStreamed(@RequestParam String question) {
    return LlmopsStreams.timeToFirstToken(chat.prompt().user(question).stream().content());
  }

  @GetMapping("/ask/weather")
  public String askWithTools(@RequestParam String question) {
    return chat.prompt().user(question).tools(tools).call().content();
  }
}
