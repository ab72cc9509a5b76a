/**
 * What the agent hands to other modules: {@link
 * io.llmops.observability.agent.spi.EvaluationHandler}, found with {@link java.util.ServiceLoader}
 * ({@code llmops-evals} implements it), receives the generations that {@code @TrackLlmCall(evals =
 * ...)} selected, as {@link io.llmops.observability.agent.spi.EvaluationRequest}s. Both types are
 * API.
 *
 * <p><b>Absent values.</b> {@link org.jspecify.annotations.NullMarked @NullMarked}: null only
 * where {@link org.jspecify.annotations.Nullable @Nullable} says so.
 *
 * <p><b>Exceptions.</b> A handler must not throw (what it throws anyway is logged once and never
 * reaches the application). {@code EvaluationRequest} does not validate its components.
 *
 * <p><b>Threads.</b> A handler is called on whichever application thread ends a generation span,
 * from many threads at once: implementations must be thread-safe and hand the work off quickly.
 */
@NullMarked
package io.llmops.observability.agent.spi;

import org.jspecify.annotations.NullMarked;
