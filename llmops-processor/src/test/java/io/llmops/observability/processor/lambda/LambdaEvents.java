package io.llmops.observability.processor.lambda;

import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Lambda events read from JSON, and responses written to JSON, as the Lambda Java runtime does. */
final class LambdaEvents {

  private LambdaEvents() {}

  static <T> T read(String resource, Class<T> type) {
    try (InputStream json = LambdaEvents.class.getResourceAsStream("/lambda/" + resource)) {
      if (json == null) {
        throw new IllegalStateException("no test resource lambda/" + resource);
      }
      return LambdaEventSerializers.serializerFor(type, LambdaEvents.class.getClassLoader())
          .fromJson(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @SuppressWarnings("unchecked")
  static <T> String write(T response) {
    ByteArrayOutputStream json = new ByteArrayOutputStream();
    LambdaEventSerializers.serializerFor((Class<T>) response.getClass(),
        LambdaEvents.class.getClassLoader()).toJson(response, json);
    return json.toString(StandardCharsets.UTF_8);
  }
}
