/** The OTLP module's conversion, batching and delivery. Internal, may change without notice; do not use. */
package io.llmops.observability.otlp.internal;
