package io.llmops.observability.agent.internal;

import io.llmops.observability.HttpClientLibrary;
import io.llmops.observability.spi.JdkHttp;
import io.llmops.observability.spi.OutboundCall;
import io.llmops.observability.spi.OutboundHttp;
import io.llmops.observability.spi.OutboundRequest;
import java.net.HttpURLConnection;
import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.function.BiConsumer;

/**
 * Records the calls of {@code java.net.HttpURLConnection} woven by {@link HttpClientWeaving}: a
 * call starts with the first of {@code connect}, {@code getOutputStream} and {@code
 * getInputStream} (which {@code getResponseCode} and the header getters call) on a connection not
 * used yet, and ends when {@code getInputStream} returns or throws (the response head is read),
 * when {@code disconnect} is called first, or when any of them throws. The calls these methods
 * make to each other while one runs are part of it. Called through the bridge in {@code
 * java.base}; nothing reaches the application. Internal.
 */
final class UrlConnectionCalls {

  private static final String READS_RESPONSE = "getInputStream";
  private static final String DISCONNECT = "disconnect";

  /**
   * The connections with a call in progress. Weak keys: a connection the application drops
   * before the call ends takes its entry with it. {@code HttpURLConnection} keeps
   * {@code Object}'s identity equality.
   */
  private static final Map<HttpURLConnection, InProgress> CALLS =
      Collections.synchronizedMap(new WeakHashMap<>());

  private UrlConnectionCalls() {}

  /** A call and how many woven methods of its connection are running on it. */
  private static final class InProgress {
    final OutboundCall call;
    int running;

    InProgress(OutboundCall call) {
      this.call = call;
    }
  }

  /** What a woven method's exit gets back from its entry. */
  private record Entered(HttpURLConnection connection, InProgress progress, String method) {}

  /** Entry of a method of a connection not used yet: starts its call (inside a trace). */
  static Object start(Object connection, Object method) {
    if (!(connection instanceof HttpURLConnection http)) {
      return null;
    }
    InProgress progress = CALLS.get(http);
    if (progress == null) {
      if (DISCONNECT.equals(method)) {
        return null;
      }
      OutboundCall call = OutboundHttp.start(new Request(http));
      if (call == null) {
        return null;
      }
      try {
        call.inject(http::setRequestProperty); // not connected yet: the headers go out
      } catch (RuntimeException e) {
        OutboundFailures.record("add the trace headers", e);
      }
      progress = new InProgress(call);
      CALLS.put(http, progress);
    }
    return entered(http, progress, method);
  }

  /** Entry of a method of a connection in use: part of its call, if one is recorded. */
  static Object proceed(Object connection, Object method) {
    if (CALLS.isEmpty() || !(connection instanceof HttpURLConnection http)) {
      return null;
    }
    InProgress progress = CALLS.get(http);
    return progress == null ? null : entered(http, progress, method);
  }

  private static Entered entered(HttpURLConnection http, InProgress progress, Object method) {
    synchronized (progress) {
      progress.running++;
    }
    return new Entered(http, progress, String.valueOf(method));
  }

  /** Exit: {@code outcome} is {@code {status, thrown}}. */
  static void exit(Object token, Object outcome) {
    if (!(token instanceof Entered entered) || !(outcome instanceof Object[] statusAndThrown)) {
      return;
    }
    InProgress progress = entered.progress();
    synchronized (progress) {
      if (--progress.running > 0) {
        return;
      }
    }
    Throwable thrown = (Throwable) statusAndThrown[1];
    if (thrown == null && !READS_RESPONSE.equals(entered.method())
        && !DISCONNECT.equals(entered.method())) {
      return; // connected, or the body is being written: the call goes on
    }
    CALLS.remove(entered.connection());
    finish(entered.connection(), progress.call, (Integer) statusAndThrown[0], thrown);
  }

  /**
   * Records the response, if its head was read, else the failure. Its headers are at hand then:
   * reading them makes no request (and, the call being removed, records nothing).
   */
  private static void finish(HttpURLConnection connection, OutboundCall call, int status,
      Throwable thrown) {
    try {
      if (status > 0) {
        call.response(status, JdkHttp.headers(connection.getHeaderFields()));
      } else {
        call.failed(thrown);
      }
    } catch (RuntimeException e) {
      OutboundFailures.record("read the response", e);
    } finally {
      call.end();
    }
  }

  /** The connection's request as the core reads it, before it connects. */
  private record Request(HttpURLConnection connection) implements OutboundRequest {
    @Override
    public HttpClientLibrary library() {
      return HttpClientLibrary.URL_CONNECTION;
    }

    @Override
    public boolean async() {
      return false;
    }

    @Override
    public String method() {
      return connection.getRequestMethod();
    }

    @Override
    public String url() {
      return connection.getURL().toString();
    }

    @Override
    public void forEachHeader(BiConsumer<String, String> action) {
      JdkHttp.headers(connection.getRequestProperties()).forEachHeader(action);
    }
  }
}
