/** Internal, may change without notice; do not use. */
@NullMarked
package io.llmops.observability.springai.internal;

import org.jspecify.annotations.NullMarked;
