package io.llmops.observability.spi;

import org.jspecify.annotations.Nullable;

/**
 * What an annotation reader knows of an annotated method besides its annotation, as plain values
 * (the agent reads them from the class file, Spring AOP by reflection). Immutable as long as the
 * arrays given to it are not changed.
 *
 * @param where the method, as {@code Owner#name}, for log lines
 * @param name the method's name
 * @param isStatic the method is static
 * @param isVoid the method returns nothing
 * @param parameterNames the parameter names, or null when they are not known
 * @param parameterTypes the parameters' class names ({@code java.lang.String}), in order
 */
public record MethodShape(String where, String name, boolean isStatic, boolean isVoid,
    String @Nullable [] parameterNames, String[] parameterTypes) {}
