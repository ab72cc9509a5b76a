/** The processor's {@link io.llmops.observability.processor.ObjectStore} on Amazon S3. */
@NullMarked
package io.llmops.observability.processor.s3;

import org.jspecify.annotations.NullMarked;
