package io.llmops.observability.langfuse;

import com.langfuse.client.resources.prompts.types.IBasePrompt;
import com.langfuse.client.resources.prompts.types.Prompt;
import io.llmops.observability.Span;
import io.llmops.observability.SpanBuilder;
import org.jspecify.annotations.Nullable;

/**
 * Links a generation to the Langfuse managed prompt it used, read from a {@code langfuse-java}
 * prompt object: its name and version go to {@link SpanBuilder#promptReference} or {@link
 * Span#setPromptReference}, which the Langfuse export turns into the prompt link.
 *
 * <pre>{@code
 * Prompt prompt = langfuse.prompts().get("qa-system");
 * String answer = LangfusePrompts.link(Llmops.generation("answer"), prompt)
 *     .call(() -> model.chat(compile(prompt, question)));
 * }</pre>
 *
 * <p>A null argument, or a {@link Prompt} that is neither a text nor a chat prompt (a kind this
 * client version does not know), raises {@link IllegalArgumentException} naming it. Otherwise
 * the builder methods check as {@code promptReference} does, and the span methods never throw:
 * an invalid name or version is ignored and counted by the span.
 */
public final class LangfusePrompts {

  private LangfusePrompts() {}

  /** Names {@code prompt} on the generation {@code builder} describes; returns {@code builder}. */
  public static SpanBuilder link(SpanBuilder builder, Prompt prompt) {
    return link(builder, promptOf(prompt));
  }

  /** Names a text or chat prompt on the generation {@code builder} describes. */
  public static SpanBuilder link(SpanBuilder builder, IBasePrompt prompt) {
    required(prompt, "prompt");
    return required(builder, "builder").promptReference(prompt.getName(), prompt.getVersion());
  }

  /** Names {@code prompt} on a started generation; returns {@code span}. */
  public static Span link(Span span, Prompt prompt) {
    return link(span, promptOf(prompt));
  }

  /** Names a text or chat prompt on a started generation; returns {@code span}. */
  public static Span link(Span span, IBasePrompt prompt) {
    required(prompt, "prompt");
    return required(span, "span").setPromptReference(prompt.getName(), prompt.getVersion());
  }

  /** The text or chat prompt a {@link Prompt} holds. */
  private static IBasePrompt promptOf(Prompt prompt) {
    required(prompt, "prompt");
    if (prompt.isText()) {
      return prompt.getText().orElseThrow();
    }
    if (prompt.isChat()) {
      return prompt.getChat().orElseThrow();
    }
    throw new IllegalArgumentException("prompt must be a text or a chat prompt");
  }

  private static <T> T required(@Nullable T value, String name) {
    if (value == null) {
      throw new IllegalArgumentException(name + " must not be null");
    }
    return value;
  }
}
