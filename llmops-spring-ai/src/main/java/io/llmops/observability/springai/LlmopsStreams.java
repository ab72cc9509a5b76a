package io.llmops.observability.springai;

import io.llmops.observability.Span;
import io.llmops.observability.springai.internal.Guard;
import io.llmops.observability.springai.internal.StreamGenerations;
import java.util.concurrent.TimeUnit;
import reactor.core.publisher.Flux;

/**
 * Time to first token for Spring AI streams, which no observation callback sees: wrap the
 * stream, and the generation it streams gets {@code metadata["llm.time_to_first_token_ms"]}, the
 * time from the subscription to the first element.
 *
 * <pre>{@code
 * Flux<ChatResponse> answer = LlmopsStreams.timeToFirstToken(chatModel.stream(prompt));
 * Flux<String> text = LlmopsStreams.timeToFirstToken(chatClient.prompt(q).stream().content());
 * }</pre>
 *
 * The generation is found through the observations the subscription starts on the subscribing
 * thread: the model's own, or a {@code ChatClient}'s (or an advisor's) whose descendant the
 * generation is, on whatever thread the model is subscribed. When a stream makes several model
 * calls (a tool loop), the generation streaming when the first element arrives gets it. The
 * elements, errors and cancellation pass unchanged.
 */
public final class LlmopsStreams {

  /** The metadata key, as for Bedrock streams. */
  public static final String TIME_TO_FIRST_TOKEN_MS = "llm.time_to_first_token_ms";

  private LlmopsStreams() {}

  public static <T> Flux<T> timeToFirstToken(Flux<T> stream) {
    return Flux.defer(() -> {
      StreamGenerations generations = new StreamGenerations();
      long subscribed = System.nanoTime();
      Flux<T> measured = stream
          .doOnNext(element -> {
            Span generation = generations.takeOnce();
            if (generation != null) {
              Guard.run("stream first token", () -> generation.setMetadata(
                  TIME_TO_FIRST_TOKEN_MS,
                  TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - subscribed)));
            }
          })
          .doFinally(signal -> generations.forget());
      return Flux.<T>from(subscriber ->
          generations.whileSubscribing(() -> measured.subscribe(subscriber)));
    });
  }
}
