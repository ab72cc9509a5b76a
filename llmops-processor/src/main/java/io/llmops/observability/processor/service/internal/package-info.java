/** The SQS consumer service's parts. Internal, may change without notice; do not use. */
@NullMarked
package io.llmops.observability.processor.service.internal;

import org.jspecify.annotations.NullMarked;
