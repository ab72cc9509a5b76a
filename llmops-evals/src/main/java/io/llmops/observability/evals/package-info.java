/**
 * LLM-as-judge evaluations: a {@link io.llmops.observability.evals.Judge} decides a {@link
 * io.llmops.observability.evals.Verdict} on a {@link io.llmops.observability.evals.JudgeRequest}
 * for a {@link io.llmops.observability.evals.Criterion}; {@link
 * io.llmops.observability.evals.ChatJudge} asks a {@link io.llmops.observability.evals.ChatModel};
 * an {@link io.llmops.observability.evals.EvaluationRunner} runs judgements in the background and
 * records each verdict as an evaluation span; {@link
 * io.llmops.observability.evals.JudgeEvaluations} holds the runner behind {@code
 * @TrackLlmCall(evals = ...)}, configured by {@link io.llmops.observability.evals.JudgeConfig}.
 * Every public type here is API; see docs/EVALUATIONS.md.
 *
 * <p><b>Absent values.</b> {@link org.jspecify.annotations.NullMarked @NullMarked}: null only
 * where {@link org.jspecify.annotations.Nullable @Nullable} says so.
 *
 * <p><b>Exceptions.</b> Constructors, value objects and configuration validate their arguments
 * and throw {@link IllegalArgumentException} naming the argument or variable, as each method
 * says. Running an evaluation never throws to the application: a judge's failure (an exception,
 * a {@link io.llmops.observability.evals.JudgeException}, a timeout, an unreadable answer) is
 * recorded as a failed evaluation, counted and logged.
 *
 * <p><b>Threads.</b> Judges and chat models are called on the runner's threads, several at once:
 * implementations must be thread-safe. The runner, {@code JudgeEvaluations} and the value types
 * are thread-safe.
 */
@NullMarked
package io.llmops.observability.evals;

import org.jspecify.annotations.NullMarked;
