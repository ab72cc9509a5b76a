/**
 * Links generations to Langfuse managed prompts read with {@code langfuse-java}: {@link
 * io.llmops.observability.langfuse.LangfusePrompts}.
 */
@NullMarked
package io.llmops.observability.langfuse;

import org.jspecify.annotations.NullMarked;
