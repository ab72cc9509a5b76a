package io.llmops.observability.ui.internal;

import com.sun.net.httpserver.HttpExchange;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Who may use the server. On the loopback address, requests whose {@code Host} is not this
 * machine are refused, so that a web page cannot reach the viewer through a DNS name rebound to
 * 127.0.0.1. With a token (required when bound elsewhere), every request carries it: as
 * {@code Authorization: Bearer <token>}, or as the cookie that opening {@code /?token=<token>}
 * sets. The token is compared in constant time and never logged.
 */
final class AccessGuard {

  static final String COOKIE = "llmops_ui_token";

  private final @Nullable byte[] token;
  private final @Nullable Set<String> allowedHosts;

  /**
   * @param allowedHosts the {@code Host} values accepted, or null for any (bound elsewhere than
   *     loopback, where the token is the guard)
   */
  AccessGuard(@Nullable String token, @Nullable Set<String> allowedHosts) {
    this.token = token == null ? null : token.getBytes(StandardCharsets.UTF_8);
    this.allowedHosts = allowedHosts;
  }

  boolean hostAllowed(HttpExchange exchange) {
    String host = exchange.getRequestHeaders().getFirst("Host");
    return allowedHosts == null || (host != null && allowedHosts.contains(host.toLowerCase(java.util.Locale.ROOT)));
  }

  boolean authorized(HttpExchange exchange, @Nullable String queryToken) {
    if (token == null) {
      return true;
    }
    String authorization = exchange.getRequestHeaders().getFirst("Authorization");
    if (authorization != null && authorization.startsWith("Bearer ") && matches(authorization.substring(7))) {
      return true;
    }
    if (queryToken != null && matches(queryToken)) {
      exchange.getResponseHeaders().add("Set-Cookie",
          COOKIE + "=" + queryToken + "; Path=/; HttpOnly; SameSite=Strict");
      return true;
    }
    List<String> cookies = exchange.getRequestHeaders().get("Cookie");
    if (cookies != null) {
      for (String header : cookies) {
        for (String cookie : header.split(";")) {
          String trimmed = cookie.trim();
          if (trimmed.startsWith(COOKIE + "=") && matches(trimmed.substring(COOKIE.length() + 1))) {
            return true;
          }
        }
      }
    }
    return false;
  }

  private boolean matches(String candidate) {
    return MessageDigest.isEqual(token, candidate.getBytes(StandardCharsets.UTF_8));
  }
}
