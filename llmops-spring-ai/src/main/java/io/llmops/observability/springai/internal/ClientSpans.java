package io.llmops.observability.springai.internal;

import io.llmops.observability.Llmops;
import io.llmops.observability.Span;
import io.llmops.observability.SpanBuilder;
import org.jspecify.annotations.Nullable;
import org.springframework.ai.chat.client.ChatClientResponse;
import org.springframework.ai.chat.client.advisor.observation.AdvisorObservationContext;
import org.springframework.ai.chat.client.observation.ChatClientObservationContext;

/**
 * The spans of the observations of {@code spring-ai-client-chat}, used only when it is on the
 * class path: a {@code ChatClient} call (a span around the model calls, tool calls and advisors
 * it makes) and each advisor step. Internal.
 */
public final class ClientSpans {

  private ClientSpans() {}

  /** A builder for {@code context}'s span, or null when it is not one of these observations. */
  public static @Nullable SpanBuilder open(Object context) {
    if (context instanceof ChatClientObservationContext client) {
      return Llmops.span("chat_client")
          .metadata("llm.framework", "spring-ai")
          .metadata("span.kind", "chat_client")
          .metadata("llm.stream", client.isStream());
    }
    if (context instanceof AdvisorObservationContext advisor) {
      return Llmops.span(advisor.getAdvisorName())
          .metadata("llm.framework", "spring-ai")
          .metadata("span.kind", "advisor")
          .metadata("advisor.order", advisor.getOrder());
    }
    return null;
  }

  /** Records what {@code context} knows once its observation stops. */
  public static void close(Object context, Span span) {
    if (context instanceof ChatClientObservationContext client) {
      ChatClientResponse response = client.getResponse();
      if (response != null && response.chatResponse() != null
          && response.chatResponse().getResult() != null
          && response.chatResponse().getResult().getOutput() != null) {
        span.setOutput(response.chatResponse().getResult().getOutput().getText());
      }
    }
  }
}
