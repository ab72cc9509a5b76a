package io.llmops.observability.agent.bootstrap;

import java.util.function.BiConsumer;
import java.util.function.BiFunction;

/**
 * Code woven into the JDK's HTTP clients ({@code java.net.http.HttpClient}'s implementation and
 * {@code sun.net.www.protocol.http.HttpURLConnection}) calls this class. Like {@link
 * ContextBridge}, the agent defines a renamed copy of it in {@code java.base}, where both can see
 * it, so it depends on the JDK only: recording is delegated to the functions that the agent
 * registers with {@link #setHooks}; with none every method does nothing. No method throws.
 * Internal, may change.
 */
public final class HttpBridge {

  /** What the agent plugs in: the core's outbound HTTP recording, seen as opaque objects. */
  static final class Hooks {
    final BiFunction<Object, Object, Object> clientStart;
    final BiFunction<Object, Object, Object> clientRequest;
    final BiConsumer<Object, Object> clientEnd;
    final BiFunction<Object, Object, Object> connectionStart;
    final BiFunction<Object, Object, Object> connectionContinue;
    final BiConsumer<Object, Object> connectionExit;

    Hooks(BiFunction<Object, Object, Object> clientStart,
        BiFunction<Object, Object, Object> clientRequest, BiConsumer<Object, Object> clientEnd,
        BiFunction<Object, Object, Object> connectionStart,
        BiFunction<Object, Object, Object> connectionContinue,
        BiConsumer<Object, Object> connectionExit) {
      this.clientStart = clientStart;
      this.clientRequest = clientRequest;
      this.clientEnd = clientEnd;
      this.connectionStart = connectionStart;
      this.connectionContinue = connectionContinue;
      this.connectionExit = connectionExit;
    }
  }

  private static volatile Hooks hooks;

  private HttpBridge() {}

  /**
   * Plugs in the recording. For {@code java.net.http.HttpClient}: {@code clientStart(request,
   * method)} ({@code send} or {@code sendAsync}) returns the state of a recorded call or null, {@code clientRequest(state, request)}
   * the request to send, {@code clientEnd(state, outcome)} gets the response, future or
   * throwable. For {@code HttpURLConnection}: {@code connectionStart(connection, method)} (a
   * connection not used yet) and {@code connectionContinue(connection, method)} (one in use)
   * return a token or null, {@code connectionExit(token, {status, thrown})} gets it back when
   * the method returns or throws, with the response code read so far (-1 for none).
   */
  public static void setHooks(BiFunction<Object, Object, Object> clientStart,
      BiFunction<Object, Object, Object> clientRequest, BiConsumer<Object, Object> clientEnd,
      BiFunction<Object, Object, Object> connectionStart,
      BiFunction<Object, Object, Object> connectionContinue,
      BiConsumer<Object, Object> connectionExit) {
    hooks = new Hooks(clientStart, clientRequest, clientEnd, connectionStart, connectionContinue,
        connectionExit);
  }

  /** Entry of {@code HttpClient.send}/{@code sendAsync}: the call's state, or null. */
  public static Object clientStart(Object request, String method) {
    Hooks current = hooks;
    if (current == null || request == null) {
      return null;
    }
    try {
      return current.clientStart.apply(request, method);
    } catch (Throwable ignored) {
      return null;
    }
  }

  /** The request to send: {@code request}, or a copy carrying the trace headers. */
  public static Object clientRequest(Object state, Object request) {
    Hooks current = hooks;
    if (current == null || state == null) {
      return request;
    }
    try {
      Object replaced = current.clientRequest.apply(state, request);
      return replaced == null ? request : replaced;
    } catch (Throwable ignored) {
      return request;
    }
  }

  /** Exit of {@code send}/{@code sendAsync}: what it returned, or what it threw. */
  public static void clientEnd(Object state, Object returned, Throwable thrown) {
    Hooks current = hooks;
    if (current == null || state == null) {
      return;
    }
    try {
      current.clientEnd.accept(state, thrown != null ? thrown : returned);
    } catch (Throwable ignored) {
      // never reaches the application
    }
  }

  /**
   * Entry of a woven {@code HttpURLConnection} method, given the connection's fields: it is in use
   * once it connected, has a response stream or remembers a failure.
   */
  public static Object connectionEnter(Object connection, String method, boolean connected,
      Object response, Object failure) {
    return connectionEnter(connection, method, connected || response != null || failure != null);
  }

  /**
   * Entry of a woven {@code HttpURLConnection} method: {@code used} when the connection has
   * connected or read a response already. Returns the token for {@link #connectionExit}, or null.
   */
  public static Object connectionEnter(Object connection, String method, boolean used) {
    Hooks current = hooks;
    if (current == null || connection == null) {
      return null;
    }
    try {
      return used ? current.connectionContinue.apply(connection, method)
          : current.connectionStart.apply(connection, method);
    } catch (Throwable ignored) {
      return null;
    }
  }

  /**
   * Exit of a woven {@code HttpURLConnection} method, normal ({@code thrown} null) or not, with
   * the connection's response code (-1 until a response head is read).
   */
  public static void connectionExit(Object token, int status, Throwable thrown) {
    Hooks current = hooks;
    if (current == null || token == null) {
      return;
    }
    try {
      current.connectionExit.accept(token, new Object[] {status, thrown});
    } catch (Throwable ignored) {
      // never reaches the application
    }
  }
}
