/**
 * The RAG demo that {@code ./llmops demo} runs ({@link io.llmops.examples.rag.RagDemo}): an example
 * of the SDK in use, not API.
 */
package io.llmops.examples.rag;
