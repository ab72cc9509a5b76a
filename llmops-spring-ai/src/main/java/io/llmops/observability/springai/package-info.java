/**
 * Spring AI: {@link io.llmops.observability.springai.LlmopsObservationHandler} turns Spring AI's
 * own observations (chat model, chat client, advisors, tool calls, embedding and image models)
 * into the SDK's spans; {@link io.llmops.observability.springai.LlmopsSpringAiAutoConfiguration}
 * registers it in a Spring Boot application; {@link
 * io.llmops.observability.springai.LlmopsStreams} adds a stream's time to first token.
 */
@NullMarked
package io.llmops.observability.springai;

import org.jspecify.annotations.NullMarked;
