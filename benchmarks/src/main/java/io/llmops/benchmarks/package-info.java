/** JMH benchmarks of the SDK against the OpenTelemetry SDK (docs/PERFORMANCE.md); not API. */
package io.llmops.benchmarks;
