package io.llmops.observability.spring.boot;

import java.security.Principal;
import org.jspecify.annotations.Nullable;

/**
 * Chooses the user and session of an inbound request's trace. Define one as a bean and the
 * starter asks it for every traced request, servlet or WebFlux, instead of applying its own rule
 * ({@code llmops.identity.*}), which it hands over as {@link Request#defaults()} so the
 * application can keep either part.
 *
 * <pre>{@code
 * @Bean
 * LlmopsRequestIdentityResolver identity() {
 *   return request -> new Identity(request.defaults().user(), request.header("X-Conversation"));
 * }
 * }</pre>
 *
 * Called on the request's thread after the application's filters (Spring Security's included):
 * for a servlet request when the chain has returned, for WebFlux before the handler runs, on an
 * event-loop thread, so it must not block. Values longer than 256 characters are cut; an
 * exception it throws is counted and logged once, and the trace keeps the defaults.
 */
@FunctionalInterface
public interface LlmopsRequestIdentityResolver {

  /** The trace's user and session for {@code request}; a null part leaves that field empty. */
  Identity resolve(Request request);

  /** A trace's user and session, either possibly absent. */
  record Identity(@Nullable String user, @Nullable String session) {}

  /** What the starter knows of the request. */
  interface Request {

    /** The authenticated principal, or null. */
    @Nullable Principal principal();

    /** The first value of a request header, or null. */
    @Nullable String header(String name);

    /**
     * What the starter would set by itself under {@code llmops.identity.*}: the principal's name
     * and the configured header's value or the HTTP session's digest.
     */
    Identity defaults();

    /**
     * The framework's request: a {@code jakarta.servlet.http.HttpServletRequest} or a
     * {@code org.springframework.web.server.ServerWebExchange}.
     */
    Object nativeRequest();
  }
}
