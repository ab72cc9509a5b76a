/**
 * LangChain4j 1.x: {@link io.llmops.observability.langchain4j.LlmopsChatModelListener} records
 * every chat model call (sync and streaming) as a generation span, {@link
 * io.llmops.observability.langchain4j.LlmopsEmbeddingModelListener} every embedding call, {@link
 * io.llmops.observability.langchain4j.LlmopsContentRetrieverListener} every RAG retrieval, and
 * {@link io.llmops.observability.langchain4j.LlmopsToolExecutions} the tool executions of AI
 * services; {@link io.llmops.observability.langchain4j.LlmopsStreamingHandlers} adds a stream's
 * time to first token. With or without Spring.
 */
@NullMarked
package io.llmops.observability.langchain4j;

import org.jspecify.annotations.NullMarked;
