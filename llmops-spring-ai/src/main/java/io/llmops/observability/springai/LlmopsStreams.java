package io.llmops.observability.springai;

import io.llmops.observability.Span;
import io.llmops.observability.springai.internal.Guard;
import io.llmops.observability.springai.internal.StartedGenerations;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import reactor.core.publisher.Flux;

/**
 * Time to first token for Spring AI streams, which no observation callback sees: wrap the
 * stream, and the generation its subscription starts gets
 * {@code metadata["llm.time_to_first_token_ms"]}, the time from the subscription to the first
 * element.
 *
 * <pre>{@code
 * Flux<ChatResponse> answer = LlmopsStreams.timeToFirstToken(chatModel.stream(prompt));
 * Flux<String> text = LlmopsStreams.timeToFirstToken(chatClient.prompt(q).stream().content());
 * }</pre>
 *
 * The generation must start on the subscribing thread while the subscription is made (as Spring
 * AI's models do); a stream subscribed on another scheduler ({@code subscribeOn}) inside the
 * wrapped one records no time. The elements, errors and cancellation pass unchanged.
 */
public final class LlmopsStreams {

  /** The metadata key, as for Bedrock streams. */
  public static final String TIME_TO_FIRST_TOKEN_MS = "llm.time_to_first_token_ms";

  private LlmopsStreams() {}

  public static <T> Flux<T> timeToFirstToken(Flux<T> stream) {
    return Flux.defer(() -> {
      StartedGenerations.take(); // forget a generation started before this subscription
      long subscribed = System.nanoTime();
      AtomicReference<Span> generation = new AtomicReference<>();
      return stream
          .doOnSubscribe(subscription -> Guard.run("stream subscription",
              () -> generation.set(StartedGenerations.take())))
          .doOnNext(element -> {
            Span span = generation.getAndSet(null);
            if (span != null) {
              Guard.run("stream first token", () -> span.setMetadata(TIME_TO_FIRST_TOKEN_MS,
                  TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - subscribed)));
            }
          });
    });
  }
}
