package io.llmops.observability.agent.internal;

import io.llmops.observability.agent.bootstrap.HttpBridge;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.implementation.bytecode.assign.Assigner;

/**
 * Advice inlined into the JDK's HTTP clients by {@link HttpClientWeaving}. It may refer to JDK
 * types and {@link HttpBridge} only: ByteBuddy reads it through {@link
 * BootstrapInjector#adviceLocator}, which renames its calls to the copy of the bridge defined in
 * {@code java.base}. Internal.
 */
final class JdkHttpAdvice {

  private JdkHttpAdvice() {}

  /**
   * {@code HttpClient.send} and {@code sendAsync}: the request argument may be replaced by a copy
   * with the trace headers; the call ends with the response, the future or the exception.
   */
  static final class Send {
    @Advice.OnMethodEnter(suppress = Throwable.class)
    static Object enter(@Advice.Origin("#m") String method, @Advice.Argument(value = 0,
        readOnly = false, typing = Assigner.Typing.DYNAMIC) Object request) {
      Object state = HttpBridge.clientStart(request, method);
      request = HttpBridge.clientRequest(state, request);
      return state;
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
    static void exit(@Advice.Enter Object state,
        @Advice.Return(typing = Assigner.Typing.DYNAMIC) Object returned,
        @Advice.Thrown Throwable thrown) {
      HttpBridge.clientEnd(state, returned, thrown);
    }
  }

  /**
   * {@code connect}, {@code getOutputStream}, {@code getInputStream} and {@code disconnect} of
   * {@code sun.net.www.protocol.http.HttpURLConnection} (and of the HTTPS connection's delegate,
   * its subclass). A connection is in use once it connected, has a response stream or remembers
   * a failure; {@code responseCode} is -1 until a response head is read.
   */
  static final class Connection {
    @Advice.OnMethodEnter(suppress = Throwable.class)
    static Object enter(@Advice.This Object connection, @Advice.Origin("#m") String method,
        @Advice.FieldValue("connected") boolean connected,
        @Advice.FieldValue("inputStream") Object response,
        @Advice.FieldValue("rememberedException") Object failure) {
      return HttpBridge.connectionEnter(connection, method,
          connected || response != null || failure != null);
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
    static void exit(@Advice.Enter Object token, @Advice.FieldValue("responseCode") int status,
        @Advice.Thrown Throwable thrown) {
      HttpBridge.connectionExit(token, status, thrown);
    }
  }
}
