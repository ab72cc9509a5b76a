/** Internal, may change without notice; do not use. */
package io.llmops.observability.maven.internal;
