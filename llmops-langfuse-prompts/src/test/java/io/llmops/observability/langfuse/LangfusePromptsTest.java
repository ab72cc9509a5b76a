package io.llmops.observability.langfuse;

import static io.llmops.observability.testing.DecodedTraces.spansByName;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.langfuse.client.resources.prompts.types.ChatMessage;
import com.langfuse.client.resources.prompts.types.ChatMessageWithPlaceholders;
import com.langfuse.client.resources.prompts.types.ChatPrompt;
import com.langfuse.client.resources.prompts.types.IBasePrompt;
import com.langfuse.client.resources.prompts.types.Prompt;
import com.langfuse.client.resources.prompts.types.TextPrompt;
import io.llmops.observability.Llmops;
import io.llmops.observability.Span;
import io.llmops.observability.TraceManager;
import io.llmops.observability.testing.CollectingSink;
import io.llmops.observability.testing.Exported;
import io.llmops.observability.testing.TracingHarness;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Prompts of the real langfuse-java client name themselves on a generation. */
class LangfusePromptsTest {

  @RegisterExtension final TracingHarness tracing = new TracingHarness();
  private final CollectingSink sink = tracing.sink();

  private static TextPrompt textPrompt(String name, int version) {
    return TextPrompt.builder().name(name).version(version).config(Map.of())
        .prompt("Answer {{question}} briefly.").addLabels("production").build();
  }

  private static ChatPrompt chatPrompt(String name, int version) {
    ChatMessageWithPlaceholders system = ChatMessageWithPlaceholders.chatmessage(
        ChatMessage.builder().role("system").content("You answer briefly.").build());
    return ChatPrompt.builder().name(name).version(version).config(Map.of())
        .addPrompt(system).build();
  }

  private Map<String, JsonNode> exportedSpans(Runnable body) {
    TraceManager.startTrace("prompts");
    body.run();
    assertThat(TraceManager.endTrace()).isTrue();
    return spansByName(Exported.onlyTrace(sink));
  }

  private static void assertNames(JsonNode span, String name, int version) {
    assertThat(span.at("/metadata/prompt.name").textValue()).isEqualTo(name);
    assertThat(span.at("/metadata/prompt.version").isIntegralNumber()).isTrue();
    assertThat(span.at("/metadata/prompt.version").intValue()).isEqualTo(version);
  }

  @Test
  void aTextOrChatPromptAsTheClientReturnsItNamesItselfOnTheBuilder() {
    Map<String, JsonNode> spans = exportedSpans(() -> {
      LangfusePrompts.link(Llmops.generation("text"), Prompt.text(textPrompt("qa-text", 3)))
          .run(() -> {});
      LangfusePrompts.link(Llmops.generation("chat"), Prompt.chat(chatPrompt("qa-chat", 12)))
          .run(() -> {});
    });

    assertNames(spans.get("text"), "qa-text", 3);
    assertNames(spans.get("chat"), "qa-chat", 12);
  }

  @Test
  void theTypedPromptsNameThemselvesOnAStartedSpan() {
    Map<String, JsonNode> spans = exportedSpans(() -> {
      try (Span text = Llmops.generation("text").start()) {
        LangfusePrompts.link(text, textPrompt("qa-text", 1));
      }
      try (Span chat = Llmops.generation("chat").start()) {
        LangfusePrompts.link(chat, Prompt.chat(chatPrompt("qa-chat", 2)));
      }
    });

    assertNames(spans.get("text"), "qa-text", 1);
    assertNames(spans.get("chat"), "qa-chat", 2);
  }

  @Test
  void aPromptWithAnInvalidVersionIsRejectedByTheBuilderAndIgnoredAndCountedByTheSpan() {
    assertThatThrownBy(() -> LangfusePrompts.link(Llmops.generation("g"), textPrompt("qa", 0)))
        .isExactlyInstanceOf(IllegalArgumentException.class).hasMessageContaining("prompt version");

    Map<String, JsonNode> spans = exportedSpans(() -> {
      try (Span span = Llmops.generation("text").start()) {
        LangfusePrompts.link(span, textPrompt("qa", 0));
      }
    });

    assertThat(spans.get("text").at("/metadata").has("prompt.name")).isFalse();
    assertThat(Llmops.stats().get("invalid_argument.setPromptReference")).isEqualTo(1);
  }

  @Test
  void aNullArgumentIsRejectedNamingIt() {
    assertThatThrownBy(() -> LangfusePrompts.link(Llmops.generation("g"), (Prompt) null))
        .isExactlyInstanceOf(IllegalArgumentException.class).hasMessageContaining("prompt");
    assertThatThrownBy(() -> LangfusePrompts.link(Llmops.generation("g"), (IBasePrompt) null))
        .isExactlyInstanceOf(IllegalArgumentException.class).hasMessageContaining("prompt");
    assertThatThrownBy(() -> LangfusePrompts.link((Span) null, textPrompt("qa", 1)))
        .isExactlyInstanceOf(IllegalArgumentException.class).hasMessageContaining("span");
    assertThatThrownBy(() -> LangfusePrompts.link((io.llmops.observability.SpanBuilder) null,
        textPrompt("qa", 1)))
        .isExactlyInstanceOf(IllegalArgumentException.class).hasMessageContaining("builder");
  }
}
