package io.llmops.observability.agent.internal;

import java.util.function.BiConsumer;
import java.util.function.BiFunction;

/**
 * The hooks {@code HttpBridge} calls from the woven JDK clients, as plain objects rather than
 * method references: a method reference links its target when it is made, and linking {@link
 * JdkHttpClientCalls} loads {@code java.net.http}, 40-50 ms of {@code install()} for an
 * application that may never use it. These call their target at the first HTTP call. Internal.
 */
final class HttpHooks implements BiFunction<Object, Object, Object>, BiConsumer<Object, Object> {

  static final int CLIENT_START = 0;
  static final int CLIENT_REQUEST = 1;
  static final int CLIENT_END = 2;
  static final int CONNECTION_START = 3;
  static final int CONNECTION_PROCEED = 4;
  static final int CONNECTION_EXIT = 5;

  private final int hook;

  HttpHooks(int hook) {
    this.hook = hook;
  }

  @Override
  public Object apply(Object first, Object second) {
    switch (hook) {
      case CLIENT_START:
        return JdkHttpClientCalls.start(first, second);
      case CLIENT_REQUEST:
        return JdkHttpClientCalls.request(first, second);
      case CONNECTION_START:
        return UrlConnectionCalls.start(first, second);
      case CONNECTION_PROCEED:
        return UrlConnectionCalls.proceed(first, second);
      default:
        throw new IllegalStateException("hook " + hook + " returns nothing");
    }
  }

  @Override
  public void accept(Object first, Object second) {
    if (hook == CLIENT_END) {
      JdkHttpClientCalls.end(first, second);
    } else if (hook == CONNECTION_EXIT) {
      UrlConnectionCalls.exit(first, second);
    } else {
      throw new IllegalStateException("hook " + hook + " returns a value");
    }
  }
}
