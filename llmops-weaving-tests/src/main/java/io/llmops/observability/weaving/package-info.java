/**
 * A small application whose annotated classes {@code llmops-maven-plugin} weaves when this
 * module is built; its tests check the traces with no agent, and with the agent too.
 *
 * <p><b>Absent values.</b> {@link org.jspecify.annotations.NullMarked @NullMarked}: null only
 * where {@link org.jspecify.annotations.Nullable @Nullable} says so.
 */
@NullMarked
package io.llmops.observability.weaving;

import org.jspecify.annotations.NullMarked;
