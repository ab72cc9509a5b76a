package io.llmops.observability;

import org.jspecify.annotations.Nullable;

/**
 * A block of user code that takes one value, returns a value (null included) and may throw; used
 * by {@link ExternalCall.Builder#call}.
 */
@FunctionalInterface
public interface ThrowingFunction<A, T extends @Nullable Object, E extends Throwable> {
  T apply(A argument) throws E;
}
