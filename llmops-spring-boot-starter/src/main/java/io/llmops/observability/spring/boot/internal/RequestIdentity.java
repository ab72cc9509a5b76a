package io.llmops.observability.spring.boot.internal;

import io.llmops.observability.spi.InboundHttp;
import io.llmops.observability.spi.SdkCounters;
import io.llmops.observability.spi.SdkLog;
import io.llmops.observability.spi.TracedRequest;
import io.llmops.observability.spring.boot.LlmopsProperties;
import io.llmops.observability.spring.boot.LlmopsRequestIdentityResolver;
import io.llmops.observability.spring.boot.LlmopsRequestIdentityResolver.Identity;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.Principal;
import java.util.HexFormat;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Gives a request's trace its user (the authenticated {@link Principal}'s name) and session (a
 * configured header's value, else a digest of the HTTP session's id: that id is a credential and
 * never leaves the process), as {@code llmops.identity.*} says, or as the application's
 * {@link LlmopsRequestIdentityResolver} chooses. Never throws. Internal.
 */
public final class RequestIdentity {

  /** Longer names and header values are cut: a trace field, not a store for anything sent. */
  private static final int MAX_LENGTH = 256;

  private final boolean userFromPrincipal;
  private final @Nullable String sessionHeader;
  private final boolean sessionFromHttpSession;
  private final @Nullable LlmopsRequestIdentityResolver resolver;

  public RequestIdentity(LlmopsProperties.Identity settings,
      @Nullable LlmopsRequestIdentityResolver resolver) {
    this.userFromPrincipal = settings.isUserFromPrincipal();
    String header = settings.getSessionHeader();
    this.sessionHeader = header == null || header.isBlank() ? null : header.trim();
    this.sessionFromHttpSession = settings.isSessionFromHttpSession();
    this.resolver = resolver;
  }

  /** Whether the principal is read: for the default rule, or for the application's resolver. */
  public boolean readsPrincipal() {
    return userFromPrincipal || resolver != null;
  }

  /** Whether the HTTP session is read: only when no header is configured. */
  public boolean readsHttpSession() {
    return sessionFromHttpSession && sessionHeader == null;
  }

  /**
   * Sets on {@code traced} what the application's resolver chooses, else the default rule's:
   * {@code principal}, the header's value ({@code headers} by name), else {@code httpSessionId}
   * (asked only when {@link #readsHttpSession()}).
   */
  public void identify(TracedRequest traced, Object nativeRequest, @Nullable Principal principal,
      Function<String, @Nullable String> headers, Supplier<@Nullable String> httpSessionId) {
    Identity chosen;
    try {
      chosen = defaults(principal, headers, httpSessionId);
    } catch (RuntimeException | LinkageError e) {
      failed(e);
      return;
    }
    if (resolver != null) {
      chosen = resolved(new ResolverRequest(nativeRequest, principal, headers, chosen), chosen);
    }
    traced.user(bounded(chosen.user()));
    traced.session(bounded(chosen.session()));
  }

  private Identity defaults(@Nullable Principal principal,
      Function<String, @Nullable String> headers, Supplier<@Nullable String> httpSessionId) {
    String user = userFromPrincipal && principal != null ? principal.getName() : null;
    String session = null;
    if (sessionHeader != null) {
      session = headers.apply(sessionHeader);
    } else if (sessionFromHttpSession) {
      session = digest(httpSessionId.get());
    }
    return new Identity(user, session);
  }

  /** The application's choice; its failure leaves the defaults, counted and logged once. */
  private Identity resolved(LlmopsRequestIdentityResolver.Request request, Identity defaults) {
    try {
      Identity chosen = resolver.resolve(request);
      return chosen == null ? new Identity(null, null) : chosen;
    } catch (RuntimeException | LinkageError e) {
      SdkCounters.increment(InboundHttp.COUNTER_FAILED);
      SdkLog.errorOnce("spring-request-identity-resolver", "llmops: the application's "
          + "LlmopsRequestIdentityResolver failed; the request's trace keeps the default user "
          + "and session", e);
      return defaults;
    }
  }

  /** Counts and logs (once) a request whose user or session could not be read. */
  public void failed(Throwable e) {
    SdkCounters.increment(InboundHttp.COUNTER_FAILED);
    SdkLog.errorOnce("spring-request-identity", "llmops: a request's user or session could not "
        + "be read; its trace has none", e);
  }

  private static @Nullable String bounded(@Nullable String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    return value.length() <= MAX_LENGTH ? value : value.substring(0, MAX_LENGTH);
  }

  /** The same session gives the same id; the session's own id cannot be read back from it. */
  static @Nullable String digest(@Nullable String sessionId) {
    if (sessionId == null || sessionId.isEmpty()) {
      return null;
    }
    try {
      byte[] hash = MessageDigest.getInstance("SHA-256")
          .digest(sessionId.getBytes(StandardCharsets.UTF_8));
      return "http-session-" + HexFormat.of().formatHex(hash, 0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from the JVM", e);
    }
  }
}
