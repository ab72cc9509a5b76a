/**
 * Internal, may change without notice; do not use. Depends on the JDK only: the agent defines a
 * renamed copy of {@code ContextBridge} and of {@code HttpBridge} in
 * {@code java.base}, and loads {@code PackageLookup}
 * with a class loader whose parent is the bootstrap class loader.
 */
package io.llmops.observability.agent.bootstrap;
