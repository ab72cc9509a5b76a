package io.llmops.observability.spring.boot.internal;

import io.llmops.observability.spi.InboundHttp;
import io.llmops.observability.spi.SdkCounters;
import io.llmops.observability.spi.SdkLog;
import io.llmops.observability.spi.TracedRequest;
import io.llmops.observability.spring.boot.LlmopsProperties;
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
 * never leaves the process), as {@code llmops.identity.*} says. Never throws. Internal.
 */
public final class RequestIdentity {

  /** Longer names and header values are cut: a trace field, not a store for anything sent. */
  private static final int MAX_LENGTH = 256;

  private final boolean userFromPrincipal;
  private final @Nullable String sessionHeader;
  private final boolean sessionFromHttpSession;

  public RequestIdentity(LlmopsProperties.Identity settings) {
    this.userFromPrincipal = settings.isUserFromPrincipal();
    String header = settings.getSessionHeader();
    this.sessionHeader = header == null || header.isBlank() ? null : header.trim();
    this.sessionFromHttpSession = settings.isSessionFromHttpSession();
  }

  public boolean readsPrincipal() {
    return userFromPrincipal;
  }

  /** Whether the HTTP session is read: only when no header is configured. */
  public boolean readsHttpSession() {
    return sessionFromHttpSession && sessionHeader == null;
  }

  /**
   * Sets what is known on {@code traced}: {@code principal}, the header's value ({@code headers}
   * by name), else {@code httpSessionId} (asked only when {@link #readsHttpSession()}).
   */
  public void identify(TracedRequest traced, @Nullable Principal principal,
      Function<String, @Nullable String> headers, Supplier<@Nullable String> httpSessionId) {
    try {
      if (userFromPrincipal && principal != null) {
        traced.user(bounded(principal.getName()));
      }
      if (sessionHeader != null) {
        traced.session(bounded(headers.apply(sessionHeader)));
      } else if (sessionFromHttpSession) {
        traced.session(digest(httpSessionId.get()));
      }
    } catch (RuntimeException | LinkageError e) {
      failed(e);
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
