/** Internal, may change without notice; do not use. */
@NullMarked
package io.llmops.observability.apache.hc5.internal;

import org.jspecify.annotations.NullMarked;
