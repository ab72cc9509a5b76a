/** The processor's decoding, merging and dead-letter parts. Internal, may change without notice; do not use. */
@NullMarked
package io.llmops.observability.processor.internal;

import org.jspecify.annotations.NullMarked;
