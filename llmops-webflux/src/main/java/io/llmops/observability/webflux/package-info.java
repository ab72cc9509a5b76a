/** Spring WebFlux integration: {@link io.llmops.observability.webflux.LlmopsWebFilter}. */
@NullMarked
package io.llmops.observability.webflux;

import org.jspecify.annotations.NullMarked;
