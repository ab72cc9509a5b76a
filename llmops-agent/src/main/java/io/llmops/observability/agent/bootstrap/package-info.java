/**
 * Internal, may change without notice; do not use. (Loaded by the bootstrap class loader:
 * depends on the JDK only.)
 */
package io.llmops.observability.agent.bootstrap;
