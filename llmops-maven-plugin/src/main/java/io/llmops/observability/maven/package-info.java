/**
 * The goals of {@code llmops-maven-plugin}: {@code weave} and {@code weave-tests} weave the
 * {@code @Track*} annotations into compiled classes with the agent's weaving; see
 * docs/BUILD_WEAVING.md. Maven runs them; no type here is for code to call.
 *
 * <p><b>Absent values.</b> {@link org.jspecify.annotations.NullMarked @NullMarked}: null only
 * where {@link org.jspecify.annotations.Nullable @Nullable} says so.
 *
 * <p><b>Exceptions.</b> A goal fails the build with a message naming the cause (a missing
 * dependency, a class that cannot be woven unless {@code onFailure} is {@code WARN}).
 */
@NullMarked
package io.llmops.observability.maven;

import org.jspecify.annotations.NullMarked;
