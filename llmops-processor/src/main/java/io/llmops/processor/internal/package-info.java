/** The processor's inner parts; not an API. */
@NullMarked
package io.llmops.processor.internal;

import org.jspecify.annotations.NullMarked;
