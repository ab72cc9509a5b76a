/** Internal, may change without notice; do not use. */
@NullMarked
package io.llmops.observability.langchain4j.internal;

import org.jspecify.annotations.NullMarked;
