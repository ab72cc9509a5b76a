package io.llmops.observability.agent.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.zip.GZIPInputStream;

/**
 * The specification's consumer steps, in Java: parse the body, base64-decode {@code data},
 * gunzip, parse the trace JSON.
 */
public final class WireDecoder {

  public static final ObjectMapper JSON = new ObjectMapper();

  private WireDecoder() {}

  public static JsonNode wrapper(String body) {
    try {
      return JSON.readTree(body);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static JsonNode trace(String body) {
    JsonNode wrapper = wrapper(body);
    if (!wrapper.path("compressed").asBoolean()) {
      return wrapper;
    }
    byte[] gzip = Base64.getDecoder().decode(wrapper.get("data").asText());
    try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gzip))) {
      return JSON.readTree(in.readAllBytes());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
