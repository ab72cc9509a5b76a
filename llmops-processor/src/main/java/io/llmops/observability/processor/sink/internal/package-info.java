/** The delivery ledger, counters and archive keys of the processor's sinks. Internal, may change without notice; do not use. */
@NullMarked
package io.llmops.observability.processor.sink.internal;

import org.jspecify.annotations.NullMarked;
