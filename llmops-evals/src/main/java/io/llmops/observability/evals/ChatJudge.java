package io.llmops.observability.evals;

import io.llmops.observability.evals.internal.JudgePrompts;
import io.llmops.observability.evals.internal.JudgeRedaction;
import io.llmops.observability.evals.internal.VerdictParser;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * The LLM-as-judge: renders the criterion's prompt, asks a {@link ChatModel} and reads its answer
 * tolerantly (JSON inside prose or code fences, numbers as strings, scores on 0-10 or 0-100
 * scales). An answer without a usable score fails with a {@link JudgeException}.
 *
 * <p>The chat model is a third party: everything put in the prompts is redacted as exports are,
 * and the judged texts are sent as one JSON-encoded data section that nothing in them can end.
 *
 * <p>Thread-safe when its chat model is.
 */
public final class ChatJudge implements Judge {

  private final ChatModel model;

  /**
   * A judge that asks {@code model}.
   *
   * @throws IllegalArgumentException when {@code model} is null
   */
  public ChatJudge(ChatModel model) {
    if (model == null) {
      throw new IllegalArgumentException("model must not be null");
    }
    this.model = model;
  }

  @Override
  public CompletableFuture<Verdict> judge(JudgeRequest request) {
    if (request.criterion().requiresContext()
        && (request.context() == null || request.context().isBlank())) {
      return CompletableFuture.failedFuture(new JudgeException("missing_context",
          "criterion " + request.criterion().name() + " needs supplied context and none was given"));
    }
    JudgeRequest sent = JudgeRedaction.redact(request);
    return model.complete(JudgePrompts.system(sent.criterion()), JudgePrompts.user(sent))
        .thenApply(VerdictParser::parse);
  }

  @Override
  public Map<String, Object> describe() {
    return model.describe();
  }
}
