/**
 * The Java agent that makes the {@code @Track*} annotations of {@code io.llmops.observability}
 * take effect: {@link io.llmops.observability.agent.LlmopsAgent}, started with {@code -javaagent}
 * or {@link io.llmops.observability.agent.LlmopsAgent#install()}. It is the only API type here;
 * see docs/AGENT.md.
 *
 * <p><b>Absent values.</b> {@link org.jspecify.annotations.NullMarked @NullMarked}: null only
 * where {@link org.jspecify.annotations.Nullable @Nullable} says so.
 *
 * <p><b>Exceptions.</b> No method throws: when the agent cannot attach or weave, it logs why and
 * the application runs unchanged. Woven methods rethrow the application's exceptions unchanged.
 *
 * <p><b>Threads.</b> Thread-safe: starting the agent twice, from any threads, starts it once.
 */
@NullMarked
package io.llmops.observability.agent;

import org.jspecify.annotations.NullMarked;
