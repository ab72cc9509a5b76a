package io.llmops.observability.evals;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What a {@link Judge} is asked to judge. Immutable and thread-safe ({@code metadata} is
 * copied).
 *
 * @param criterion what to judge, for example {@link Criterion#CORRECTNESS}
 * @param input the prompt or question the response answers (may be null)
 * @param response the response being judged (may be null)
 * @param context supplied reference material the response should be faithful to (may be null)
 * @param metadata free-form details of the evaluation; never null (a null given to the
 *     constructor becomes empty)
 */
public record JudgeRequest(Criterion criterion, @Nullable String input, @Nullable String response,
    @Nullable String context, Map<String, String> metadata) {

  /**
   * Validates the request.
   *
   * @throws IllegalArgumentException when {@code criterion} is null, or {@code metadata} has a
   *     null key or value
   */
  public JudgeRequest {
    if (criterion == null) {
      throw new IllegalArgumentException("criterion must not be null");
    }
    if (metadata != null) {
      metadata.forEach((key, value) -> {
        if (key == null || value == null) {
          throw new IllegalArgumentException("metadata must not hold a null key or value");
        }
      });
    }
    metadata = metadata == null ? Map.of() : Map.copyOf(metadata);
  }
}
