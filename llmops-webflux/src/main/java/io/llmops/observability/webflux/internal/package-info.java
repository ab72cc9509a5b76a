/** Internal: not API, may change in any release. */
@NullMarked
package io.llmops.observability.webflux.internal;

import org.jspecify.annotations.NullMarked;
