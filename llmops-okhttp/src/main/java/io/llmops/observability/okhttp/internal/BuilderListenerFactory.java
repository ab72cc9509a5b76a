package io.llmops.observability.okhttp.internal;

import java.lang.reflect.Field;
import okhttp3.EventListener;
import okhttp3.OkHttpClient;
import org.jspecify.annotations.Nullable;

/**
 * Reads the event listener factory an {@code OkHttpClient.Builder} holds. OkHttp (4 and 5) has
 * no public getter on the builder, only on the client, and building a client to ask it would
 * re-enter a woven {@code build()}; so the builder's field is read, and null returned when a
 * version names it differently.
 */
final class BuilderListenerFactory {

  private static final @Nullable Field FIELD = field();

  private BuilderListenerFactory() {}

  static EventListener.@Nullable Factory read(OkHttpClient.Builder builder) {
    if (FIELD == null) {
      return null;
    }
    try {
      return FIELD.get(builder) instanceof EventListener.Factory factory ? factory : null;
    } catch (IllegalAccessException | RuntimeException e) {
      return null;
    }
  }

  private static @Nullable Field field() {
    try {
      Field field = OkHttpClient.Builder.class.getDeclaredField("eventListenerFactory");
      field.setAccessible(true);
      return field;
    } catch (NoSuchFieldException | RuntimeException e) {
      return null;
    }
  }
}
