/** Internal, may change without notice; do not use. */
@NullMarked
package io.llmops.observability.spring.web.internal;

import org.jspecify.annotations.NullMarked;
