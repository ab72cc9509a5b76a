/** The viewer's storage, ingest and web parts. Internal, may change without notice; do not use. */
@NullMarked
package io.llmops.observability.ui.internal;

import org.jspecify.annotations.NullMarked;
