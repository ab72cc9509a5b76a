/**
 * Client spans for Spring's HTTP clients: {@link
 * io.llmops.observability.spring.web.LlmopsClientHttpRequestInterceptor} for {@code RestClient}
 * and {@code RestTemplate}, {@link
 * io.llmops.observability.spring.web.LlmopsExchangeFilterFunction} for {@code WebClient}; Spring
 * Boot adds them by itself ({@link
 * io.llmops.observability.spring.web.LlmopsHttpClientAutoConfiguration}).
 */
@NullMarked
package io.llmops.observability.spring.web;

import org.jspecify.annotations.NullMarked;
