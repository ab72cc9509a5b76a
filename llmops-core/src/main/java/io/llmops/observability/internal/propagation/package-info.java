/**
 * Trace context carried between services: the W3C {@code traceparent} header, parsed strictly
 * and formatted exactly. Internal, may change without notice; do not use.
 */
package io.llmops.observability.internal.propagation;
